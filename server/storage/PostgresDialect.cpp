#include "storage/PostgresDialect.h"

#include "storage/Database.h"
#include "storage/Schema.h"

#include <QtSql/QSqlDatabase>

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

QList<SqlDialect::Migration> PostgresDialect::migrations() const
{
    return portableMigrations(*this);
}

} // namespace hearth
