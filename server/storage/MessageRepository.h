#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"

namespace hearth {

class Database;

class MessageRepository
{
public:
    explicit MessageRepository(Database &db)
        : m_db(db)
    {}

    Outcome<Done> insert(const Message &message);
    // Stores the final state of a reply: its text, why it ended and its usage.
    Outcome<Done> finish(const Message &message);
    Outcome<Done> remove(const QString &id);
    // Deletes `from` and every later message of its conversation (edit and
    // resend, regenerate); returns how many went.
    Outcome<int> removeFrom(const Message &from);
    // How many replies at or after `from` are still being streamed.
    Outcome<int> streamingFrom(const Message &from);
    // The `limit` messages just before the cursor (or the newest ones), oldest
    // first; up to limit + 1 rows so callers know whether older ones exist.
    Outcome<QList<Message>> page(const QString &conversationId, int limit, qint64 beforeCreatedAt,
                                 const QString &beforeId);
    Outcome<std::optional<Message>> find(const QString &conversationId, const QString &id);
    // Replies left "streaming" by a server that stopped abruptly.
    // The text so far of a reply still being written, and when it was saved.
    // A reply that has ended is left alone (a late save never undoes its end).
    Outcome<Done> saveProgress(const QString &id, const QString &content, const QString &reasoning,
                               qint64 savedAt);
    // Replies still "streaming" whose last save (or creation) is before
    // `staleBefore` become "interrupted", keeping their text.
    Outcome<int> markUnfinishedAsInterrupted(qint64 staleBefore);

private:
    Database &m_db;
};

} // namespace hearth
