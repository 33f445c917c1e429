#include "api/Authenticator.h"

#include "api/ApiReply.h"
#include "api/ServerContext.h"

#include <QtCore/QDateTime>

namespace hearth {

Outcome<User> Authenticator::authenticate(const HttpRequest &request) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty())
        return ApiError::unauthorized(
            QStringLiteral("Sign in first: send Authorization: Bearer <access token>"));
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return ApiError::unauthorized(
            QStringLiteral("The Authorization header must be \"Bearer <token>\""));
    const QByteArray token = header.mid(7).trimmed();
    const Jwt::Verified verified = m_context.jwt.verify(token, QDateTime::currentSecsSinceEpoch());
    if (verified.failure == Jwt::Failure::Expired)
        return ApiError::unauthorized(QStringLiteral("The access token has expired; refresh it"));
    if (!verified.ok())
        return ApiError::unauthorized(QStringLiteral("The access token is not valid"));

    const QString userId = verified.claims.value(QLatin1String("sub")).toString();
    const auto found = m_context.users.findById(userId);
    if (!found)
        return found.error();
    if (!found.value())
        return ApiError::unauthorized(QStringLiteral("The access token is not valid"));
    const User &user = *found.value();
    if (verified.claims.value(QLatin1String("ver")).toInt(-1) != user.tokenVersion)
        return ApiError::unauthorized(QStringLiteral("This sign-in has ended; sign in again"));
    if (user.disabled)
        return ApiError::forbidden(QStringLiteral("This account is disabled"));
    return user;
}

RouteHandler Authenticator::require(AuthedHandler handler) const
{
    return [this, handler = std::move(handler)](const HttpRequest &request,
                                                const ResponderPtr &responder) {
        const Outcome<User> user = authenticate(request);
        if (!user) {
            replyError(responder, user.error());
            return;
        }
        responder->setUserId(user->id);
        handler(request, responder, user.value());
    };
}

} // namespace hearth
