#include "storage/SqliteDialect.h"

#include "storage/Database.h"
#include "storage/Schema.h"

#include <QtCore/QFileInfo>
#include <QtSql/QSqlDatabase>

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

QList<SqlDialect::Migration> SqliteDialect::migrations() const
{
    return portableMigrations(*this);
}

} // namespace hearth
