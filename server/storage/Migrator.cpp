#include "storage/Migrator.h"

#include "core/Clock.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace hearth {

namespace {
QString describe(const QSqlError &error)
{
    return (error.driverText() + QLatin1Char(' ') + error.databaseText()).trimmed();
}
} // namespace

int Migrator::currentVersion(QString *error)
{
    QSqlDatabase db = m_db.connection();
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open the database: %1").arg(describe(db.lastError()));
        return -1;
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                   " version BIGINT PRIMARY KEY, description TEXT NOT NULL,"
                                   " applied_at BIGINT NOT NULL)"))) {
        *error = describe(query.lastError());
        return -1;
    }
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) ||
        !query.next()) {
        *error = describe(query.lastError());
        return -1;
    }
    return query.value(0).toInt();
}

bool Migrator::migrate(QString *error)
{
    const QString lock = m_db.dialect().migrationLock();
    if (lock.isEmpty())
        return migrateLocked(error);
    QSqlDatabase db = m_db.connection();
    QSqlQuery query(db);
    // PostgreSQL's lock returns nothing; MySQL's GET_LOCK 1, or 0 after its wait.
    bool locked = db.isOpen() && query.exec(lock);
    if (locked && query.next() && query.value(0).toString() == QLatin1String("0"))
        locked = false;
    if (!locked) {
        *error = QStringLiteral("cannot take the migration lock: %1")
                     .arg(describe(db.isOpen() ? query.lastError() : db.lastError()));
        return false;
    }
    const bool migrated = migrateLocked(error);
    query.exec(m_db.dialect().migrationUnlock());
    return migrated;
}

bool Migrator::migrateLocked(QString *error)
{
    const int current = currentVersion(error);
    if (current < 0)
        return false;
    QSqlDatabase db = m_db.connection();
    for (const auto &migration : m_db.dialect().migrations()) {
        if (migration.version <= current)
            continue;
        if (!db.transaction()) {
            *error = describe(db.lastError());
            return false;
        }
        QSqlQuery query(db);
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration %1 (%2) failed: %3")
                             .arg(migration.version)
                             .arg(migration.description, describe(query.lastError()));
                db.rollback();
                return false;
            }
        }
        query.prepare(QStringLiteral(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"));
        query.addBindValue(migration.version);
        query.addBindValue(migration.description);
        query.addBindValue(Clock::system().nowMs());
        if (!query.exec() || !db.commit()) {
            *error = describe(query.lastError());
            db.rollback();
            return false;
        }
    }
    return true;
}

} // namespace hearth
