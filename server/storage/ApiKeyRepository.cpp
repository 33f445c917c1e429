#include "storage/ApiKeyRepository.h"

#include "storage/SqlRun.h"

namespace hearth {

namespace {
const QString selectKey = QStringLiteral("SELECT id, user_id, name, prefix, key_hash, created_at,"
                                         " last_used_at, revoked_at FROM api_keys");

ApiKeyRecord readKey(const SqlRun &row)
{
    return ApiKeyRecord{row.value(0).toString(),   row.value(1).toString(),
                        row.value(2).toString(),   row.value(3).toString(),
                        row.value(4).toString(),   row.value(5).toLongLong(),
                        row.value(6).toLongLong(), row.value(7).toLongLong()};
}
} // namespace

Outcome<Done> ApiKeyRepository::insert(const ApiKeyRecord &k)
{
    SqlRun q(m_db,
             QStringLiteral("INSERT INTO api_keys (id, user_id, name, prefix, key_hash, created_at)"
                            " VALUES (?, ?, ?, ?, ?, ?)"));
    q.bind(k.id).bind(k.userId).bind(k.name).bind(k.prefix).bind(k.keyHash).bind(k.createdAt);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<QList<ApiKeyRecord>> ApiKeyRepository::listForUser(const QString &userId)
{
    SqlRun q(m_db, selectKey + QStringLiteral(" WHERE user_id = ? AND revoked_at IS NULL"
                                              " ORDER BY created_at DESC, id DESC"));
    q.bind(userId);
    if (!q.exec())
        return q.error();
    QList<ApiKeyRecord> keys;
    while (q.next())
        keys << readKey(q);
    return keys;
}

Outcome<std::optional<ApiKeyRecord>> ApiKeyRepository::findByHash(const QString &keyHash)
{
    SqlRun q(m_db, selectKey + QStringLiteral(" WHERE key_hash = ?"));
    q.bind(keyHash);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<ApiKeyRecord>();
    return std::optional<ApiKeyRecord>(readKey(q));
}

Outcome<bool> ApiKeyRepository::revoke(const QString &userId, const QString &id, qint64 at)
{
    m_changes.fetch_add(1, std::memory_order_acq_rel);
    SqlRun q(m_db, QStringLiteral("UPDATE api_keys SET revoked_at = ?"
                                  " WHERE id = ? AND user_id = ? AND revoked_at IS NULL"));
    q.bind(at).bind(id).bind(userId);
    if (!q.exec())
        return q.error();
    return q.rowsAffected() > 0;
}

Outcome<Done> ApiKeyRepository::touch(const QString &id, qint64 at)
{
    SqlRun q(m_db, QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"));
    q.bind(at).bind(id);
    if (!q.exec())
        return q.error();
    return Done{};
}

} // namespace hearth
