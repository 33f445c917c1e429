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

class UsageRepository
{
public:
    explicit UsageRepository(Database &db)
        : m_db(db)
    {}

    Outcome<Done> record(const UsageRecord &record);
    Outcome<QList<UsageRecord>> forUser(const QString &userId, int limit);

private:
    Database &m_db;
};

} // namespace hearth
