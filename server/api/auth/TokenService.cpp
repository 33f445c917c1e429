#include "api/auth/TokenService.h"

#include "api/ServerContext.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "security/Crypto.h"

namespace hearth {

namespace {
QString hashOf(const QString &token)
{
    return QString::fromLatin1(crypto::sha256Hex(token.toUtf8()));
}
} // namespace

QByteArray TokenService::accessToken(const User &user, const QString &familyId) const
{
    const qint64 now = Clock::system().nowMs() / 1000;
    return m_context.jwt.sign({{QStringLiteral("sub"), user.id},
                               {QStringLiteral("role"), roleName(user.role)},
                               {QStringLiteral("ver"), user.tokenVersion},
                               {QStringLiteral("sid"), familyId},
                               {QStringLiteral("iat"), now},
                               {QStringLiteral("exp"), now + m_context.config.accessTokenTtl},
                               {QStringLiteral("jti"), newId()}});
}

Outcome<QJsonObject> TokenService::issue(const User &user, const QString &familyId,
                                         const QString &tokenId)
{
    const QString refreshToken = QString::fromLatin1(crypto::randomToken(32));
    const qint64 now = Clock::system().nowMs();
    RefreshTokenRecord record{tokenId,  user.id,
                              familyId, hashOf(refreshToken),
                              now,      now + qint64(m_context.config.refreshTokenTtl) * 1000,
                              0,        {}};
    const auto stored = m_context.refreshTokens.insert(record);
    if (!stored)
        return stored.error();
    return QJsonObject{
        {QStringLiteral("accessToken"), QString::fromLatin1(accessToken(user, familyId))},
        {QStringLiteral("refreshToken"), refreshToken},
        {QStringLiteral("expiresIn"), m_context.config.accessTokenTtl},
        {QStringLiteral("tokenType"), QStringLiteral("Bearer")}};
}

Outcome<QJsonObject> TokenService::issueForLogin(const User &user)
{
    return issue(user, newId(), newId());
}

Outcome<QJsonObject> TokenService::refresh(const QString &refreshToken)
{
    const ApiError invalid =
        ApiError::unauthorized(QStringLiteral("The refresh token is not valid; sign in again"));
    const auto found = m_context.refreshTokens.findByHash(hashOf(refreshToken));
    if (!found)
        return found.error();
    if (!found.value())
        return invalid;
    const RefreshTokenRecord &token = *found.value();
    const qint64 now = Clock::system().nowMs();
    if (token.revokedAt != 0) {
        if (!token.replacedBy.isEmpty()) {
            // Reuse of a rotated token: whoever holds the newer one may be a thief.
            m_context.refreshTokens.revokeFamily(token.familyId, now);
            return ApiError::unauthorized(
                QStringLiteral("This refresh token was already used; sign in again"));
        }
        return invalid;
    }
    if (token.expiresAt <= now)
        return ApiError::unauthorized(QStringLiteral("The sign-in has expired; sign in again"));
    const auto user = m_context.users.findById(token.userId);
    if (!user)
        return user.error();
    if (!user.value())
        return invalid;
    if (user.value()->disabled)
        return ApiError::forbidden(QStringLiteral("This account is disabled"));

    const QString nextId = newId();
    const auto rotated = m_context.refreshTokens.markRotated(token.id, nextId, now);
    if (!rotated)
        return rotated.error();
    if (!rotated.value()) {
        // Another request rotated it a moment ago: the same token twice.
        m_context.refreshTokens.revokeFamily(token.familyId, now);
        return ApiError::unauthorized(
            QStringLiteral("This refresh token was already used; sign in again"));
    }
    return issue(*user.value(), token.familyId, nextId);
}

Outcome<Done> TokenService::logout(const QString &refreshToken)
{
    const auto found = m_context.refreshTokens.findByHash(hashOf(refreshToken));
    if (!found)
        return found.error();
    if (found.value())
        return m_context.refreshTokens.revokeFamily(found.value()->familyId,
                                                    Clock::system().nowMs());
    return Done{}; // unknown tokens are already "logged out"
}

} // namespace hearth
