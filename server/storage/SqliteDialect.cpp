#include "storage/SqliteDialect.h"

#include "storage/Database.h"
#include "storage/Schema.h"

#include <QtCore/QFileInfo>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>

namespace hearth {

void SqliteDialect::configure(QSqlDatabase &db, const DatabaseSettings &settings) const
{
    db.setDatabaseName(settings.sqlitePath);
    // The busy timeout lets a writer wait for another connection's write
    // instead of failing at once with "database is locked".
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
}

QStringList SqliteDialect::sessionSetup() const
{
    return {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA foreign_keys=ON"),
            QStringLiteral("PRAGMA synchronous=NORMAL")};
}

bool SqliteDialect::isStillThere(const DatabaseSettings &settings) const
{
    return QFileInfo::exists(settings.sqlitePath);
}

bool SqliteDialect::isConnectionLost(const QSqlError &error) const
{
    if (error.type() != QSqlError::ConnectionError)
        return false;
    // Qt's driver files every failed step as a connection error, a missing
    // table (a schema changed under a kept statement) included; only these
    // SQLite codes mean the file cannot be used now.
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
    if (!numeric)
        return true; // not open, driver missing
    constexpr int busy = 5, locked = 6, readOnly = 8, ioError = 10, corrupt = 11, full = 13,
                  cannotOpen = 14, notADatabase = 26;
    for (const int unusable :
         {busy, locked, readOnly, ioError, corrupt, full, cannotOpen, notADatabase})
        if (code == unusable)
            return true;
    return false;
}

QList<SqlDialect::Migration> SqliteDialect::migrations() const
{
    return portableMigrations(*this);
}

} // namespace hearth
