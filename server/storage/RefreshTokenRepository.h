#pragma once

#include "core/Outcome.h"

#include <QtCore/QString>

namespace hearth {

class Database;

// A refresh token as stored: only its SHA-256 hash, never the token itself.
// Tokens of one login share a family; rotation links each to its successor.
struct RefreshTokenRecord
{
    QString id;
    QString userId;
    QString familyId;
    QString tokenHash;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 revokedAt = 0; // 0: still valid
    QString replacedBy;
};

class RefreshTokenRepository
{
public:
    explicit RefreshTokenRepository(Database &db)
        : m_db(db)
    {}

    Outcome<Done> insert(const RefreshTokenRecord &token);
    Outcome<std::optional<RefreshTokenRecord>> findByHash(const QString &tokenHash);
    // Marks the token used; false when another request rotated it first, so
    // two concurrent refreshes with one token cannot both succeed.
    Outcome<bool> markRotated(const QString &id, const QString &replacedBy, qint64 at);
    Outcome<Done> revokeFamily(const QString &familyId, qint64 at);
    // Every login of the user but `exceptFamily` (empty: every login).
    Outcome<Done> revokeAllOfUser(const QString &userId, qint64 at,
                                  const QString &exceptFamily = {});

private:
    Database &m_db;
};

} // namespace hearth
