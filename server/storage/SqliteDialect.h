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
    // A commit that finds 32,000 pages (128 MB) in the log checkpoints it
    // itself, with two fsyncs: only when the WalCheckpointer could not let
    // the log start over (a reader that never lets go).
    QString rareAutoCheckpoints() const override
    {
        return QStringLiteral("PRAGMA wal_autocheckpoint=32000");
    }
    // Passive: copies what no reader still needs, never waits for anyone.
    QString checkpoint() const override { return QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"); }
};

} // namespace hearth
