#include "storage/ConversationRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlRun.h"

#include <QtCore/QJsonDocument>

namespace hearth {

namespace {
const QString selectConversation = QStringLiteral(
    "SELECT c.id, c.user_id, c.title, c.metadata, c.model, c.system_prompt, c.pinned, c.archived,"
    " c.created_at, c.updated_at,"
    " (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id)"
    " FROM conversations c");

Conversation readConversation(const SqlRun &row)
{
    Conversation c;
    c.id = row.value(0).toString();
    c.userId = row.value(1).toString();
    c.title = row.value(2).toString();
    c.metadata = QJsonDocument::fromJson(row.value(3).toString().toUtf8()).object();
    c.model = row.value(4).toString();
    c.systemPrompt = row.value(5).toString();
    c.pinned = row.value(6).toInt() != 0;
    c.archived = row.value(7).toInt() != 0;
    c.createdAt = row.value(8).toLongLong();
    c.updatedAt = row.value(9).toLongLong();
    c.messageCount = row.value(10).toInt();
    return c;
}

QString metadataText(const Conversation &c)
{
    return QString::fromUtf8(QJsonDocument(c.metadata).toJson(QJsonDocument::Compact));
}
} // namespace

Outcome<Done> ConversationRepository::insert(const Conversation &c)
{
    SqlRun q(m_db, QStringLiteral("INSERT INTO conversations (id, user_id, title, metadata, model,"
                                  " system_prompt, pinned, archived, created_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(c.id).bind(c.userId).bind(c.title).bind(metadataText(c)).bind(c.model);
    q.bind(c.systemPrompt).bind(c.pinned ? 1 : 0).bind(c.archived ? 1 : 0);
    q.bind(c.createdAt).bind(c.updatedAt);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<std::optional<Conversation>> ConversationRepository::find(const QString &userId,
                                                                  const QString &id)
{
    SqlRun q(m_db, selectConversation + QStringLiteral(" WHERE c.id = ? AND c.user_id = ?"));
    q.bind(id).bind(userId);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<Conversation>();
    return std::optional<Conversation>(readConversation(q));
}

Outcome<Conversation> ConversationRepository::findOwned(const QString &userId, const QString &id)
{
    const auto found = find(userId, id);
    if (!found)
        return found.error();
    if (!found.value())
        return ApiError::notFound(QStringLiteral("Conversation"));
    return *found.value();
}

Outcome<QList<Conversation>> ConversationRepository::list(const ConversationQuery &query)
{
    QString sql = selectConversation + QStringLiteral(" WHERE c.user_id = ? AND c.archived = ?");
    if (!query.beforeId.isEmpty())
        sql += QStringLiteral(" AND (c.updated_at < ? OR (c.updated_at = ? AND c.id < ?))");
    if (!query.search.isEmpty())
        sql += QStringLiteral(" AND ") +
               m_db.dialect().containsIgnoringCase(QStringLiteral("c.title"));
    sql += QStringLiteral(" ORDER BY c.updated_at DESC, c.id DESC LIMIT ?");

    SqlRun q(m_db, sql);
    q.bind(query.userId).bind(query.archived ? 1 : 0);
    if (!query.beforeId.isEmpty())
        q.bind(query.beforeUpdatedAt).bind(query.beforeUpdatedAt).bind(query.beforeId);
    if (!query.search.isEmpty())
        q.bind(m_db.dialect().likePattern(query.search));
    q.bind(query.limit + 1);
    if (!q.exec())
        return q.error();
    QList<Conversation> rows;
    while (q.next())
        rows << readConversation(q);
    return rows;
}

Outcome<Done> ConversationRepository::update(const Conversation &c)
{
    SqlRun q(m_db, QStringLiteral("UPDATE conversations SET title = ?, metadata = ?, model = ?,"
                                  " system_prompt = ?, pinned = ?, archived = ?, updated_at = ?"
                                  " WHERE id = ? AND user_id = ?"));
    q.bind(c.title).bind(metadataText(c)).bind(c.model).bind(c.systemPrompt);
    q.bind(c.pinned ? 1 : 0).bind(c.archived ? 1 : 0).bind(c.updatedAt).bind(c.id).bind(c.userId);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<bool> ConversationRepository::remove(const QString &userId, const QString &id)
{
    SqlRun q(m_db, QStringLiteral("DELETE FROM conversations WHERE id = ? AND user_id = ?"));
    q.bind(id).bind(userId);
    if (!q.exec())
        return q.error();
    return q.rowsAffected() > 0;
}

Outcome<Done> ConversationRepository::touch(const QString &id, qint64 updatedAt)
{
    SqlRun q(m_db, QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"));
    q.bind(updatedAt).bind(id);
    if (!q.exec())
        return q.error();
    return Done{};
}

} // namespace hearth
