#pragma once

#include "storage/SqlDialect.h"

namespace hearth {

class SqliteDialect final : public SqlDialect
{
public:
    QString name() const override { return QStringLiteral("sqlite"); }
    QString qtDriver() const override { return QStringLiteral("QSQLITE"); }
    void configure(QSqlDatabase &db, const DatabaseSettings &settings) const override;
    QStringList sessionSetup() const override;
    QList<Migration> migrations() const override;
    QStringList bulkLoadSetup() const override
    {
        return {QStringLiteral("PRAGMA synchronous=OFF")};
    }
    bool isStillThere(const DatabaseSettings &settings) const override;
    bool isConnectionLost(const QSqlError &error) const override;
};

} // namespace hearth
