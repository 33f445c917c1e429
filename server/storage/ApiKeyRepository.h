#pragma once

#include "core/Outcome.h"

#include <atomic>

#include <QtCore/QString>

namespace hearth {

class Database;

// A personal API key as stored: its SHA-256 and a short prefix to recognise
// it by, never the key itself.
struct ApiKeyRecord
{
    QString id;
    QString userId;
    QString name;
    QString prefix;
    QString keyHash;
    qint64 createdAt = 0;
    qint64 lastUsedAt = 0;
    qint64 revokedAt = 0;
};

class ApiKeyRepository
{
public:
    explicit ApiKeyRepository(Database &db)
        : m_db(db)
    {}

    Outcome<Done> insert(const ApiKeyRecord &key);
    // The user's keys that are not revoked, newest first.
    Outcome<QList<ApiKeyRecord>> listForUser(const QString &userId);
    Outcome<std::optional<ApiKeyRecord>> findByHash(const QString &keyHash);
    // False when the key does not exist, is another user's, or is already revoked.
    Outcome<bool> revoke(const QString &userId, const QString &id, qint64 at);
    Outcome<Done> touch(const QString &id, qint64 at);

    // Counts revocations made through this repository (an auth cache compares it).
    quint64 changes() const { return m_changes.load(std::memory_order_acquire); }

private:
    Database &m_db;
    std::atomic<quint64> m_changes{0};
};

} // namespace hearth
