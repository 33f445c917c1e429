#pragma once

#include "storage/SqlDialect.h"

namespace hearth {

// MySQL 8 and MariaDB 10.6+ (Qt's QMYSQL driver), configured like
// PostgreSQL by DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME and
// DB_SSL_MODE. Every session speaks ANSI SQL (double-quoted identifiers,
// literal backslashes, strict types) in utf8mb4 with a binary collation, so
// the repositories' SQL means the same as on SQLite and PostgreSQL.
class MysqlDialect final : public SqlDialect
{
public:
    QString name() const override { return QStringLiteral("mysql"); }
    QString qtDriver() const override { return QStringLiteral("QMYSQL"); }
    void configure(QSqlDatabase &db, const DatabaseSettings &settings) const override;
    QStringList sessionSetup() const override;
    QList<Migration> migrations() const override;
    bool isStillThere(const DatabaseSettings &) const override { return true; }
    bool isConnectionLost(const QSqlError &error) const override;
    QString migrationLock() const override;
    QString beginSnapshot() const override
    {
        return QStringLiteral("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    }
    QString migrationUnlock() const override;
    QString upsert(const QString &table, const QString &key,
                   const QStringList &values) const override;
    QString columnType(Column column) const override;
    QString tableOptions() const override;
    QString dropIndex(const QString &index, const QString &table) const override;
};

} // namespace hearth
