#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

class QSqlDatabase;
class QSqlError;

namespace hearth {

struct DatabaseSettings;

// Everything that differs between SQL databases lives behind this interface:
// the Qt driver, connection options, session set-up and the schema scripts.
// Repositories write portable SQL (`?` placeholders, INTEGER millisecond
// times, TEXT ids) and ask the dialect for the rest.
class SqlDialect
{
public:
    struct Migration
    {
        int version;
        QString description;
        QStringList statements;
    };

    virtual ~SqlDialect() = default;
    virtual QString name() const = 0;
    virtual QString qtDriver() const = 0;
    virtual void configure(QSqlDatabase &db, const DatabaseSettings &settings) const = 0;
    // Statements run on every new connection (pragmas, session settings).
    virtual QStringList sessionSetup() const = 0;
    virtual QList<Migration> migrations() const = 0;
    // Whether the database is still where it was configured, beyond what an
    // open connection can tell (an SQLite file deleted underneath us keeps
    // answering queries into an unlinked file: every write would be lost).
    virtual bool isStillThere(const DatabaseSettings &settings) const = 0;
    // Whether a failed statement means the server or the connection to it
    // is gone (503 and reconnect), rather than a fault of the statement.
    virtual bool isConnectionLost(const QSqlError &error) const;
    // For a database that checkpoints a write-ahead log on commit (SQLite):
    // the statement that makes a connection do so rarely, and the one a
    // background thread runs instead (a result row of: busy, pages in the
    // log, pages copied back). Empty for the others.
    virtual QString rareAutoCheckpoints() const { return {}; }
    virtual QString checkpoint() const { return {}; }
    // A case-insensitive substring match of `column` against a bound pattern
    // produced by likePattern().
    // (Defaults: standard SQL as SQLite and PostgreSQL speak it.)
    virtual QString containsIgnoringCase(const QString &column) const;
    // INSERT … or UPDATE when `key` exists; placeholders in column order.
    virtual QString upsert(const QString &table, const QString &key,
                           const QStringList &values) const;
    QString likePattern(const QString &needle) const;

    // Column types of the shared schema (Schema.cpp). Standard SQL: TEXT for
    // all but bytes (BLOB); MySQL needs bounded types for keys and indexed
    // columns, PostgreSQL calls bytes BYTEA.
    enum class Column { Id, Indexed, Text, LongText, Bytes };
    virtual QString columnType(Column column) const;
    // Appended to every CREATE TABLE (engine, character set).
    virtual QString tableOptions() const { return {}; }
    virtual QString dropIndex(const QString &index, const QString &table) const;
    // Held while migrating, so that instances started together on one
    // database migrate one after the other. Empty: the database needs none
    // (SQLite has one writer at a time and one instance per file).
    virtual QString migrationLock() const { return {}; }
    // Starts a read transaction that sees one moment of the database while
    // others write (copies and backups). SQLite: the first read fixes it.
    virtual QString beginSnapshot() const { return QStringLiteral("BEGIN"); }
    // Session settings for a connection that loads a copy (a failed copy is
    // thrown away, so it need not survive a crash half-way).
    virtual QStringList bulkLoadSetup() const { return {}; }
    virtual QString migrationUnlock() const { return {}; }
};

} // namespace hearth
