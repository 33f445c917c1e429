#include "storage/MessageRepository.h"

#include "storage/SqlRun.h"

#include <algorithm>

namespace hearth {

namespace {
const QString selectMessage =
    QStringLiteral("SELECT id, conversation_id, role, content, model, finish_reason, prompt_tokens,"
                   " completion_tokens, total_tokens, usage_estimated, created_at, reasoning,"
                   " reasoning_ms, reasoning_tokens FROM messages");

Message readMessage(const SqlRun &row)
{
    Message m;
    m.id = row.value(0).toString();
    m.conversationId = row.value(1).toString();
    m.role = row.value(2).toString();
    m.content = row.value(3).toString();
    m.model = row.value(4).toString();
    m.finishReason = row.value(5).toString();
    if (!row.value(8).isNull()) {
        TokenUsage usage;
        usage.promptTokens = row.value(6).toInt();
        usage.completionTokens = row.value(7).toInt();
        usage.totalTokens = row.value(8).toInt();
        usage.estimated = row.value(9).toInt() != 0;
        usage.reasoningTokens = row.value(13).toInt();
        m.usage = usage;
    }
    m.createdAt = row.value(10).toLongLong();
    m.reasoning = row.value(11).toString();
    m.reasoningMs = row.value(12).toLongLong();
    return m;
}

void bindUsage(SqlRun &q, const std::optional<TokenUsage> &usage)
{
    const QVariant null(QMetaType::fromType<int>());
    q.bind(usage ? QVariant(usage->promptTokens) : null);
    q.bind(usage ? QVariant(usage->completionTokens) : null);
    q.bind(usage ? QVariant(usage->totalTokens) : null);
    q.bind(usage && usage->estimated ? 1 : 0);
}
} // namespace

Outcome<Done> MessageRepository::insert(const Message &m)
{
    SqlRun q(m_db, QStringLiteral(
                       "INSERT INTO messages (id, conversation_id, role, content, model,"
                       " finish_reason, prompt_tokens, completion_tokens, total_tokens,"
                       " usage_estimated, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(m.id).bind(m.conversationId).bind(m.role).bind(m.content).bind(m.model);
    q.bind(nullIfEmpty(m.finishReason));
    bindUsage(q, m.usage);
    q.bind(m.createdAt);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<Done> MessageRepository::finish(const Message &m)
{
    SqlRun q(m_db, QStringLiteral("UPDATE messages SET content = ?, model = ?, finish_reason = ?,"
                                  " prompt_tokens = ?, completion_tokens = ?, total_tokens = ?,"
                                  " usage_estimated = ?, reasoning = ?, reasoning_ms = ?,"
                                  " reasoning_tokens = ? WHERE id = ?"));
    q.bind(m.content).bind(m.model).bind(nullIfEmpty(m.finishReason));
    bindUsage(q, m.usage);
    q.bind(nullIfEmpty(m.reasoning));
    q.bind(m.reasoning.isEmpty() ? QVariant(QMetaType::fromType<qint64>())
                                 : QVariant(m.reasoningMs));
    q.bind(m.usage ? m.usage->reasoningTokens : 0);
    q.bind(m.id);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<Done> MessageRepository::remove(const QString &id)
{
    SqlRun q(m_db, QStringLiteral("DELETE FROM messages WHERE id = ?"));
    q.bind(id);
    if (!q.exec())
        return q.error();
    return Done{};
}

namespace {
// Message order is (created_at, id), as in the pages.
const QString atOrAfter = QStringLiteral(
    " WHERE conversation_id = ? AND (created_at > ? OR (created_at = ? AND id >= ?))");
} // namespace

Outcome<int> MessageRepository::removeFrom(const Message &from)
{
    SqlRun q(m_db, QStringLiteral("DELETE FROM messages") + atOrAfter);
    q.bind(from.conversationId).bind(from.createdAt).bind(from.createdAt).bind(from.id);
    if (!q.exec())
        return q.error();
    return q.rowsAffected();
}

Outcome<int> MessageRepository::streamingFrom(const Message &from)
{
    SqlRun q(m_db, QStringLiteral("SELECT COUNT(*) FROM messages") + atOrAfter +
                       QStringLiteral(" AND finish_reason = ?"));
    q.bind(from.conversationId).bind(from.createdAt).bind(from.createdAt).bind(from.id);
    q.bind(FinishReason::Streaming);
    if (!q.exec() || !q.next())
        return q.error();
    return q.value(0).toInt();
}

Outcome<QList<Message>> MessageRepository::page(const QString &conversationId, int limit,
                                                qint64 beforeCreatedAt, const QString &beforeId)
{
    QString sql = selectMessage + QStringLiteral(" WHERE conversation_id = ?");
    if (!beforeId.isEmpty())
        sql += QStringLiteral(" AND (created_at < ? OR (created_at = ? AND id < ?))");
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ?");
    SqlRun q(m_db, sql);
    q.bind(conversationId);
    if (!beforeId.isEmpty())
        q.bind(beforeCreatedAt).bind(beforeCreatedAt).bind(beforeId);
    q.bind(limit + 1);
    if (!q.exec())
        return q.error();
    QList<Message> rows;
    while (q.next())
        rows << readMessage(q);
    std::reverse(rows.begin(), rows.end());
    return rows;
}

Outcome<std::optional<Message>> MessageRepository::find(const QString &conversationId,
                                                        const QString &id)
{
    SqlRun q(m_db, selectMessage + QStringLiteral(" WHERE conversation_id = ? AND id = ?"));
    q.bind(conversationId).bind(id);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<Message>();
    return std::optional<Message>(readMessage(q));
}

Outcome<Done> MessageRepository::saveProgress(const QString &id, const QString &content,
                                              const QString &reasoning, qint64 savedAt)
{
    SqlRun q(m_db, QStringLiteral("UPDATE messages SET content = ?, reasoning = ?, saved_at = ?"
                                  " WHERE id = ? AND finish_reason = ?"));
    q.bind(content)
        .bind(nullIfEmpty(reasoning))
        .bind(savedAt)
        .bind(id)
        .bind(FinishReason::Streaming);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<int> MessageRepository::markUnfinishedAsInterrupted(qint64 staleBefore)
{
    SqlRun q(m_db, QStringLiteral("UPDATE messages SET finish_reason = ? WHERE finish_reason = ?"
                                  " AND COALESCE(saved_at, created_at) < ?"));
    q.bind(FinishReason::Interrupted).bind(FinishReason::Streaming).bind(staleBefore);
    if (!q.exec())
        return q.error();
    return q.rowsAffected();
}

} // namespace hearth
