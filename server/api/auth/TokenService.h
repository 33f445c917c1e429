#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"

#include <QtCore/QJsonObject>

namespace hearth {

struct ServerContext;

// Issues and rotates the tokens of a login: a short-lived JWT access token
// and an opaque refresh token, stored only as its SHA-256. All refresh
// tokens of one login form a family; presenting an already-rotated token
// revokes the whole family (someone else has a copy).
class TokenService
{
public:
    explicit TokenService(ServerContext &context)
        : m_context(context)
    {}

    // {accessToken, refreshToken, expiresIn, tokenType} for a new login.
    Outcome<QJsonObject> issueForLogin(const User &user);
    Outcome<QJsonObject> refresh(const QString &refreshToken);
    Outcome<Done> logout(const QString &refreshToken);

private:
    Outcome<QJsonObject> issue(const User &user, const QString &familyId, const QString &tokenId);
    QByteArray accessToken(const User &user, const QString &familyId) const;

    ServerContext &m_context;
};

} // namespace hearth
