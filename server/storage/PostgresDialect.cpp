#include "storage/PostgresDialect.h"

#include "storage/Database.h"
#include "storage/Schema.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>

namespace hearth {

void PostgresDialect::configure(QSqlDatabase &db, const DatabaseSettings &settings) const
{
    db.setHostName(settings.host.isEmpty() ? QStringLiteral("127.0.0.1") : settings.host);
    db.setPort(settings.port > 0 ? settings.port : 5432);
    db.setUserName(settings.user);
    db.setPassword(settings.password);
    db.setDatabaseName(settings.name.isEmpty() ? QStringLiteral("hearth") : settings.name);
    QStringList options{QStringLiteral("connect_timeout=5")};
    if (!settings.sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + settings.sslMode;
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

QStringList PostgresDialect::sessionSetup() const
{
    return {QStringLiteral("SET client_encoding TO 'UTF8'")};
}

bool PostgresDialect::isConnectionLost(const QSqlError &error) const
{
    // SQLSTATE class 08 (connection exceptions) and 57P01–57P03 (the server
    // shutting down or not yet up); libpq's own errors carry no SQLSTATE.
    const QString state = error.nativeErrorCode();
    if (SqlDialect::isConnectionLost(error) || state.startsWith(QLatin1String("08")) ||
        state == QLatin1String("57P01") || state == QLatin1String("57P02") ||
        state == QLatin1String("57P03"))
        return true;
    const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
    for (const char *sign :
         {"terminating connection", "server closed the connection", "no connection to the server",
          "could not connect", "Connection refused", "the database system is"}) {
        if (text.contains(QLatin1String(sign), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// A session-level advisory lock under a number of Hearth's own.
QString PostgresDialect::migrationLock() const
{
    return QStringLiteral(
        "SELECT 1 FROM pg_advisory_lock(851820)"); // QPSQL cannot read a void column
}

QString PostgresDialect::migrationUnlock() const
{
    return QStringLiteral("SELECT pg_advisory_unlock(851820)");
}

QList<SqlDialect::Migration> PostgresDialect::migrations() const
{
    return portableMigrations(*this);
}

QString PostgresDialect::columnType(Column column) const
{
    return column == Column::Bytes ? QStringLiteral("BYTEA") : SqlDialect::columnType(column);
}

} // namespace hearth
