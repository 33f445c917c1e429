#include "storage/RefreshTokenRepository.h"

#include "storage/SqlRun.h"

namespace hearth {

Outcome<Done> RefreshTokenRepository::insert(const RefreshTokenRecord &t)
{
    SqlRun q(m_db, QStringLiteral("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash,"
                                  " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.bind(t.id)
        .bind(t.userId)
        .bind(t.familyId)
        .bind(t.tokenHash)
        .bind(t.createdAt)
        .bind(t.expiresAt);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<std::optional<RefreshTokenRecord>> RefreshTokenRepository::findByHash(const QString &hash)
{
    SqlRun q(m_db,
             QStringLiteral("SELECT id, user_id, family_id, token_hash, created_at, expires_at,"
                            " revoked_at, replaced_by FROM refresh_tokens WHERE token_hash = ?"));
    q.bind(hash);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<RefreshTokenRecord>();
    RefreshTokenRecord t;
    t.id = q.value(0).toString();
    t.userId = q.value(1).toString();
    t.familyId = q.value(2).toString();
    t.tokenHash = q.value(3).toString();
    t.createdAt = q.value(4).toLongLong();
    t.expiresAt = q.value(5).toLongLong();
    t.revokedAt = q.value(6).toLongLong();
    t.replacedBy = q.value(7).toString();
    return std::optional<RefreshTokenRecord>(t);
}

Outcome<bool> RefreshTokenRepository::markRotated(const QString &id, const QString &replacedBy,
                                                  qint64 at)
{
    SqlRun q(m_db, QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?, replaced_by = ?"
                                  " WHERE id = ? AND revoked_at IS NULL"));
    q.bind(at).bind(replacedBy).bind(id);
    if (!q.exec())
        return q.error();
    return q.rowsAffected() == 1;
}

Outcome<Done> RefreshTokenRepository::revokeFamily(const QString &familyId, qint64 at)
{
    SqlRun q(m_db, QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?"
                                  " WHERE family_id = ? AND revoked_at IS NULL"));
    q.bind(at).bind(familyId);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<Done> RefreshTokenRepository::revokeAllOfUser(const QString &userId, qint64 at,
                                                      const QString &exceptFamily)
{
    SqlRun q(m_db, QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?"
                                  " WHERE user_id = ? AND revoked_at IS NULL AND family_id <> ?"));
    q.bind(at).bind(userId).bind(exceptFamily);
    if (!q.exec())
        return q.error();
    return Done{};
}

} // namespace hearth
