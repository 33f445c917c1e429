#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"

namespace hearth {

class Database;

struct ConversationQuery
{
    QString userId;
    int limit = 50;
    // Keyset cursor: rows strictly older than (beforeUpdatedAt, beforeId).
    qint64 beforeUpdatedAt = 0;
    QString beforeId;
    QString search;
    bool archived = false;
};

class ConversationRepository
{
public:
    explicit ConversationRepository(Database &db)
        : m_db(db)
    {}

    Outcome<Done> insert(const Conversation &conversation);
    // Only the owner's conversation is found: another user's id is "absent".
    Outcome<std::optional<Conversation>> find(const QString &userId, const QString &id);
    // The same, with absence as NOT_FOUND (what every route answers).
    Outcome<Conversation> findOwned(const QString &userId, const QString &id);
    // Newest updatedAt first; returns up to limit + 1 rows so callers know
    // whether a next page exists.
    Outcome<QList<Conversation>> list(const ConversationQuery &query);
    Outcome<Done> update(const Conversation &conversation);
    Outcome<bool> remove(const QString &userId, const QString &id);
    Outcome<Done> touch(const QString &id, qint64 updatedAt);

private:
    Database &m_db;
};

} // namespace hearth
