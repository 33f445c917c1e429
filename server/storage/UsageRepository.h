#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"

namespace hearth {

class Database;

// One row per upstream call: who, which provider and model, what it cost
// and how it ended. Statistics are computed from these rows.
struct UsageRecord
{
    QString id;
    QString userId;
    QString apiKeyId;
    QString provider;
    QString model;
    TokenUsage usage;
    qint64 latencyMs = 0;
    QString status; // ok, cancelled, error
    qint64 createdAt = 0;
};

struct UsageTotals
{
    qint64 requests = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
};

struct UsageGroup
{
    QString key;
    QString label;
    UsageTotals totals;
};

struct UsageRecordQuery
{
    QString userId;
    QString model;
    qint64 from = 0;
    qint64 to = 0; // 0: open
    int limit = 100;
    qint64 beforeTime = 0; // keyset cursor, newest first
    QString beforeId;
};

struct UsageRecordRow
{
    UsageRecord record;
    QString userEmail;
};

class UsageRepository
{
public:
    explicit UsageRepository(Database &db)
        : m_db(db)
    {}

    Outcome<Done> record(const UsageRecord &record);
    // Totals since each of `since` (e.g. start of today, week, month) and overall.
    Outcome<QList<UsageTotals>> userTotals(const QString &userId, const QList<qint64> &since);
    Outcome<qint64> tokensSince(const QString &userId, qint64 since);
    // Newest first; up to limit + 1 rows.
    Outcome<QList<UsageRecordRow>> records(const UsageRecordQuery &query);
    // Grouped by user (label: email) or by model, largest total first.
    // A non-empty userId counts that user's rows only.
    Outcome<QList<UsageGroup>> byUser(qint64 from, qint64 to);
    Outcome<QList<UsageGroup>> byModel(qint64 from, qint64 to, const QString &userId = {});
    // One group per [start, end) range, in order; key and label left empty.
    Outcome<QList<UsageGroup>> byRanges(const QList<QPair<qint64, qint64>> &ranges,
                                        const QString &userId = {});

private:
    Outcome<QList<UsageGroup>> grouped(const QString &sql, qint64 from, qint64 to,
                                       const QString &userId = {});
    Database &m_db;
};

} // namespace hearth
