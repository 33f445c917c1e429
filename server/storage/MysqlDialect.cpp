#include "storage/MysqlDialect.h"

#include "storage/Database.h"
#include "storage/Schema.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>

namespace hearth {

void MysqlDialect::configure(QSqlDatabase &db, const DatabaseSettings &settings) const
{
    db.setHostName(settings.host.isEmpty() ? QStringLiteral("127.0.0.1") : settings.host);
    db.setPort(settings.port > 0 ? settings.port : 3306);
    db.setUserName(settings.user);
    db.setPassword(settings.password);
    db.setDatabaseName(settings.name.isEmpty() ? QStringLiteral("hearth") : settings.name);
    // CLIENT_FOUND_ROWS: an UPDATE reports the rows it matched, as the other
    // databases do, not only those whose values changed. The timeouts make a
    // vanished server an error in seconds instead of a hung thread.
    QStringList options{
        QStringLiteral("CLIENT_FOUND_ROWS"), QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=5"),
        QStringLiteral("MYSQL_OPT_READ_TIMEOUT=60"), QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=60")};
    // Qt 6.4's driver can ask for TLS but not choose how to verify it.
    if (!settings.sslMode.isEmpty() && settings.sslMode != QLatin1String("disable"))
        options << QStringLiteral("CLIENT_SSL");
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

QStringList MysqlDialect::sessionSetup() const
{
    return {QStringLiteral("SET NAMES utf8mb4 COLLATE utf8mb4_bin"),
            QStringLiteral("SET SESSION sql_mode = 'ANSI,NO_BACKSLASH_ESCAPES,STRICT_ALL_TABLES,"
                           "NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'"),
            // PostgreSQL's default: no gap locks between concurrent writers.
            QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")};
}

bool MysqlDialect::isConnectionLost(const QSqlError &error) const
{
    // Client errors 2002/2003 (cannot connect), 2006 (gone away), 2013 (lost
    // during a query), 2055; server errors 1053 (shutting down), 1927 (killed).
    static const QStringList lost{QStringLiteral("2002"), QStringLiteral("2003"),
                                  QStringLiteral("2006"), QStringLiteral("2013"),
                                  QStringLiteral("2055"), QStringLiteral("1053"),
                                  QStringLiteral("1927")};
    return SqlDialect::isConnectionLost(error) || lost.contains(error.nativeErrorCode());
}

QString MysqlDialect::migrationLock() const
{
    return QStringLiteral("SELECT GET_LOCK('hearth-migrations', 600)");
}

QString MysqlDialect::migrationUnlock() const
{
    return QStringLiteral("SELECT RELEASE_LOCK('hearth-migrations')");
}

QList<SqlDialect::Migration> MysqlDialect::migrations() const
{
    return portableMigrations(*this);
}

QString MysqlDialect::upsert(const QString &table, const QString &key,
                             const QStringList &values) const
{
    QStringList assignments;
    for (const QString &column : values)
        assignments << column + QStringLiteral(" = VALUES(") + column + QLatin1Char(')');
    QStringList placeholders(values.size() + 1, QStringLiteral("?"));
    return QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (%4) ON DUPLICATE KEY UPDATE %5")
        .arg(table, key, values.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")),
             assignments.join(QStringLiteral(", ")));
}

QString MysqlDialect::columnType(Column column) const
{
    // Keys and indexed columns need a bounded length (InnoDB indexes at most
    // 3,072 bytes, four per utf8mb4 character); TEXT holds 64 KiB, so
    // message bodies and JSON get MEDIUMTEXT (16 MiB).
    switch (column) {
    case Column::Id:
        return QStringLiteral("VARCHAR(64)");
    case Column::Indexed:
        return QStringLiteral("VARCHAR(255)");
    case Column::Text:
        return QStringLiteral("TEXT");
    case Column::LongText:
        return QStringLiteral("MEDIUMTEXT");
    case Column::Bytes: // attachment pieces of 1 MiB: under max_allowed_packet
        return QStringLiteral("MEDIUMBLOB");
    }
    return QStringLiteral("TEXT");
}

QString MysqlDialect::tableOptions() const
{
    return QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
}

QString MysqlDialect::dropIndex(const QString &index, const QString &table) const
{
    return QStringLiteral("DROP INDEX %1 ON %2").arg(index, table);
}

} // namespace hearth
