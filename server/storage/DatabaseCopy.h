#pragma once

#include <QtCore/QList>
#include <QtCore/QString>

#include <functional>

namespace hearth {

class Database;
struct DatabaseSettings;

// Copies a whole installation from one database to another, of any two
// kinds: every table in an order that keeps foreign keys satisfied, read
// in one consistent snapshot of the source (a live server may keep
// writing), written in transactions of 20,000 rows. The destination must be
// migrated and empty. Provider keys are copied sealed: the destination's
// server needs the source's secret key (secret.key or HEARTH_SECRET_KEY).
class DatabaseCopy
{
public:
    struct TableCount
    {
        QString table;
        qint64 source = 0;
        qint64 destination = 0;
    };
    // Rows copied so far of all tables, and the total to copy; returns false
    // to stop the copy (it then fails as "cancelled").
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    DatabaseCopy(Database &source, Database &destination)
        : m_source(source)
        , m_destination(destination)
    {}

    // False with *error set on any failure; the counts are compared at the end.
    bool run(const Progress &progress, QString *error);
    const QList<TableCount> &counts() const { return m_counts; }

    // Parents before children.
    static QStringList tables();

    // The whole job: `to` is created (an SQLite file must not exist yet) and
    // migrated; `source` must be at this Hearth's schema version.
    static bool copyInto(Database &source, const DatabaseSettings &to, const Progress &progress,
                         QList<TableCount> *counts, QString *error);

private:
    bool copyTable(const QString &table, qint64 &done, qint64 total, const Progress &progress,
                   QString *error);

    Database &m_source;
    Database &m_destination;
    QList<TableCount> m_counts;
};

} // namespace hearth
