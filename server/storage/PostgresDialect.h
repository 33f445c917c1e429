#pragma once

#include "storage/SqlDialect.h"

namespace hearth {

// PostgreSQL (Qt's QPSQL driver), configured by DB_HOST, DB_PORT, DB_USER,
// DB_PASSWORD, DB_NAME and DB_SSL_MODE.
class PostgresDialect final : public SqlDialect
{
public:
    QString name() const override { return QStringLiteral("postgres"); }
    QString qtDriver() const override { return QStringLiteral("QPSQL"); }
    void configure(QSqlDatabase &db, const DatabaseSettings &settings) const override;
    QStringList sessionSetup() const override;
    QList<Migration> migrations() const override;
    QString columnType(Column column) const override;
    bool isStillThere(const DatabaseSettings &) const override { return true; }
    bool isConnectionLost(const QSqlError &error) const override;
    QString migrationLock() const override;
    QString beginSnapshot() const override
    {
        return QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    QString migrationUnlock() const override;
};

} // namespace hearth
