#pragma once

#include "api/auth/TokenService.h"
#include "http/Router.h"
#include "security/LoginThrottle.h"

#include <QtCore/QObject>

namespace hearth {

struct ServerContext;

// /v1/auth/login, /v1/auth/refresh and /v1/auth/logout.
class AuthController final : public QObject
{
    Q_OBJECT
public:
    explicit AuthController(ServerContext &context, QObject *parent = nullptr);
    void registerRoutes(Router &router);

private:
    void login(const HttpRequest &request, const ResponderPtr &responder);
    void finishLogin(const HttpRequest &request, const ResponderPtr &responder,
                     const std::optional<User> &user, bool passwordMatches, const QString &account,
                     const QString &address);
    // {"refreshToken": "…"} (or "refresh_token") from the body; answers 400
    // itself when missing.
    static std::optional<QString> readRefreshToken(const HttpRequest &request,
                                                   const ResponderPtr &responder);
    // The web client's token from its cookie; answers 403 itself when the
    // call does not come from Hearth's own page.
    static std::optional<QString> readCookieToken(const HttpRequest &request,
                                                  const ResponderPtr &responder);
    // Answers a login or refresh with the refresh token moved from the body
    // into the session cookie.
    void replyWithCookie(const HttpRequest &request, const ResponderPtr &responder,
                         QJsonObject body);
    void refresh(const HttpRequest &request, const ResponderPtr &responder);
    void logout(const HttpRequest &request, const ResponderPtr &responder);

    ServerContext &m_context;
    TokenService m_tokens;
    LoginThrottle m_throttle;
    // Verified against when the email is unknown, so both failures take as long.
    QByteArray m_dummyHash;
};

} // namespace hearth
