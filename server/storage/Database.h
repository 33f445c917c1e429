#pragma once

#include <QtCore/QMutex>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <atomic>
#include <memory>

class QSqlDatabase;

namespace hearth {

class SqlDialect;

struct DatabaseSettings
{
    QString driver = QStringLiteral("sqlite");
    QString sqlitePath;
    QString host, user, password, name, sslMode;
    int port = 0;
};

// Owns the settings and hands each thread its own QSqlDatabase connection
// (QtSql's rule: a connection is used only by the thread that made it).
class Database
{
public:
    Database(DatabaseSettings settings, std::unique_ptr<SqlDialect> dialect);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Nullptr and *error set when the driver is unknown or not installed.
    static std::unique_ptr<Database> create(DatabaseSettings settings, QString *error);

    const SqlDialect &dialect() const { return *m_dialect; }
    const DatabaseSettings &settings() const { return m_settings; }

    // This thread's connection, opened on first use; reopened when it was lost.
    // Not valid (and not open) while the database is gone.
    QSqlDatabase connection();
    // True when a trivial query succeeds on this thread's connection.
    bool ping();
    // Closes this thread's connection after it was lost: the next
    // connection() opens a new one.
    void dropConnection();
    // Closes and forgets this thread's connection, for a thread that is
    // done with the database (connections belong to the thread that made them).
    void releaseConnection();

private:
    QString connectionName() const;

    DatabaseSettings m_settings;
    std::unique_ptr<SqlDialect> m_dialect;
    // Set by the first successful open: from then on a missing database is
    // an outage, not a first start.
    std::atomic<bool> m_established{false};
    QMutex m_namesLock;
    QStringList m_connectionNames;
};

} // namespace hearth
