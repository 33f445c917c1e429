#include "api/auth/Authenticator.h"

#include "api/ApiReply.h"
#include "api/ServerContext.h"

#include "core/Clock.h"
#include "security/Crypto.h"

#include <QtCore/QDateTime>

namespace hearth {

Authenticator::Authenticator(ServerContext &context)
    : m_context(context)
    , m_cache(context.users, context.apiKeys)
{}

Outcome<Caller> Authenticator::loadUser(const QString &userId, const QString &invalid) const
{
    auto found = m_cache.user(userId, [&] { return m_context.users.findById(userId); });
    if (!found)
        return found.error();
    if (!found.value())
        return ApiError::unauthorized(invalid);
    if (found.value()->disabled)
        return ApiError::forbidden(QStringLiteral("This account is disabled"));
    Caller caller;
    static_cast<User &>(caller) = std::move(*found.value());
    return caller;
}

Outcome<Caller> Authenticator::authenticateKey(const QByteArray &key) const
{
    const QString invalid = QStringLiteral("The API key is not valid");
    const QString hash = QString::fromLatin1(crypto::sha256Hex(key));
    const auto found = m_cache.key(hash, [&] { return m_context.apiKeys.findByHash(hash); });
    if (!found)
        return found.error();
    const std::optional<ApiKeyRecord> &record = found.value();
    if (!record || record->revokedAt != 0)
        return ApiError::unauthorized(invalid);
    auto caller = loadUser(record->userId, invalid);
    if (!caller)
        return caller;
    caller->apiKeyId = record->id;
    // Last use to the minute is plenty, and spares a write per request.
    const qint64 now = Clock::system().nowMs();
    if (now - record->lastUsedAt > 60 * 1000) {
        m_context.apiKeys.touch(record->id, now);
        m_cache.keyUsed(hash, now);
    }
    return caller;
}

Outcome<Caller> Authenticator::authenticate(const HttpRequest &request) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty())
        return ApiError::unauthorized(
            QStringLiteral("Sign in first: send Authorization: Bearer <access token or API key>"));
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return ApiError::unauthorized(
            QStringLiteral("The Authorization header must be \"Bearer <token>\""));
    const QByteArray token = header.mid(7).trimmed();
    if (token.startsWith("hk-"))
        return authenticateKey(token);
    const Jwt::Verified verified = m_context.jwt.verify(token, QDateTime::currentSecsSinceEpoch());
    if (verified.failure == Jwt::Failure::Expired)
        return ApiError::unauthorized(QStringLiteral("The access token has expired; refresh it"));
    if (!verified.ok())
        return ApiError::unauthorized(QStringLiteral("The access token is not valid"));
    auto caller = loadUser(verified.claims.value(QLatin1String("sub")).toString(),
                           QStringLiteral("The access token is not valid"));
    if (caller && verified.claims.value(QLatin1String("ver")).toInt(-1) != caller->tokenVersion)
        return ApiError::unauthorized(QStringLiteral("This sign-in has ended; sign in again"));
    if (caller)
        caller->sessionId = verified.claims.value(QLatin1String("sid")).toString();
    return caller;
}

RouteHandler Authenticator::require(AuthedHandler handler, ErrorReply onError) const
{
    if (!onError)
        onError = [](const ResponderPtr &responder, const ApiError &error) {
            replyError(responder, error);
        };
    return [this, handler = std::move(handler), onError = std::move(onError)](
               const HttpRequest &request, const ResponderPtr &responder) {
        const Outcome<Caller> caller = authenticate(request);
        if (!caller) {
            onError(responder, caller.error());
            return;
        }
        responder->setUserId(caller->id);
        handler(request, responder, caller.value());
    };
}

RouteHandler Authenticator::allowAnonymous(OpenHandler handler) const
{
    return [this, handler = std::move(handler)](const HttpRequest &request,
                                                const ResponderPtr &responder) {
        if (request.header("authorization").isEmpty()) {
            handler(request, responder, nullptr);
            return;
        }
        const Outcome<Caller> caller = authenticate(request);
        if (!caller) {
            replyError(responder, caller.error());
            return;
        }
        responder->setUserId(caller->id);
        handler(request, responder, &caller.value());
    };
}

RouteHandler Authenticator::requireAdmin(AuthedHandler handler) const
{
    return require([handler = std::move(handler)](const HttpRequest &request,
                                                  const ResponderPtr &responder,
                                                  const Caller &caller) {
        if (caller.role != Role::Admin) {
            replyError(responder,
                       ApiError::forbidden(QStringLiteral("Only administrators can do this")));
            return;
        }
        handler(request, responder, caller);
    });
}

} // namespace hearth
