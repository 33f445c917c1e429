#include "api/auth/AuthController.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/ServerContext.h"
#include "api/auth/SessionCookie.h"
#include "core/Clock.h"
#include "http/Validator.h"

#include <QtConcurrent/QtConcurrentRun>

namespace hearth {

AuthController::AuthController(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_tokens(context)
{
    const PasswordHasher hasher = m_context.hasher;
    QtConcurrent::run(&m_context.workers, [hasher] {
        return hasher.hash(QStringLiteral("no such account, same cost"));
    }).then(this, [this](const QByteArray &hash) { m_dummyHash = hash; });
}

void AuthController::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/auth/login"),
               [this](const HttpRequest &r, const ResponderPtr &p) { login(r, p); });
    router.add("POST", QStringLiteral("/v1/auth/refresh"),
               [this](const HttpRequest &r, const ResponderPtr &p) { refresh(r, p); });
    router.add("POST", QStringLiteral("/v1/auth/logout"),
               [this](const HttpRequest &r, const ResponderPtr &p) { logout(r, p); });
}

void AuthController::login(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    const auto email = v.email(QStringLiteral("email"));
    const auto password = v.text(QStringLiteral("password"), true, 8, 128);
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    const QString account = email->toLower();
    const QString address = request.remoteAddress.toString();
    if (const int wait = m_throttle.retryAfter(account, address, Clock::system().nowMs())) {
        replyError(responder,
                   ApiError::rateLimited(
                       QStringLiteral("Too many failed sign-in attempts; try again in %1 seconds")
                           .arg(wait),
                       wait));
        return;
    }
    const auto found = m_context.users.findByEmail(account);
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    const std::optional<User> user = found.value();
    const QByteArray hash = user ? user->passwordHash.toLatin1() : m_dummyHash;
    const PasswordHasher hasher = m_context.hasher;
    HttpRequest head = request;
    head.body.clear();
    // Argon2 takes tens of milliseconds: verify on a worker, answer back here.
    QtConcurrent::run(&m_context.workers, [hasher, hash, pw = *password] {
        return hasher.verify(hash, pw);
    }).then(this, [this, responder, user, account, address, head](bool matches) {
        finishLogin(head, responder, user, matches, account, address);
    });
}

void AuthController::finishLogin(const HttpRequest &request, const ResponderPtr &responder,
                                 const std::optional<User> &user, bool passwordMatches,
                                 const QString &account, const QString &address)
{
    const qint64 now = Clock::system().nowMs();
    if (!user || !passwordMatches) {
        m_throttle.recordFailure(account, address, now);
        replyError(responder, ApiError::invalidCredentials());
        return;
    }
    if (user->disabled) {
        replyError(responder, ApiError::forbidden(QStringLiteral("This account is disabled")));
        return;
    }
    m_throttle.recordSuccess(account);
    auto tokens = m_tokens.issueForLogin(*user);
    if (!tokens) {
        replyError(responder, tokens.error());
        return;
    }
    m_context.users.recordLogin(user->id, now);
    QJsonObject body = tokens.value();
    body.insert(QStringLiteral("user"), meJson(*user));
    responder->setUserId(user->id);
    if (SessionCookie::requested(request)) {
        replyWithCookie(request, responder, body);
        return;
    }
    replyJson(responder, 200, body);
}

void AuthController::replyWithCookie(const HttpRequest &request, const ResponderPtr &responder,
                                     QJsonObject body)
{
    const QString token = body.take(QLatin1String("refreshToken")).toString();
    const auto cookie = SessionCookie::setCookie(request, token, m_context.config.refreshTokenTtl);
    // Without a cookie the session lives in the page's memory only: the web
    // client says so, and a reload asks for the password again.
    body.insert(QStringLiteral("refreshCookie"), cookie.has_value());
    HeaderList headers;
    if (cookie)
        headers.append({"Set-Cookie", *cookie});
    else
        m_tokens.logout(token);
    replyJson(responder, 200, body, headers);
}

std::optional<QString> AuthController::readRefreshToken(const HttpRequest &request,
                                                        const ResponderPtr &responder)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return std::nullopt;
    // The original Go backend's web client sends the snake_case spelling.
    const QString snake = QStringLiteral("refresh_token");
    const QString camel = QStringLiteral("refreshToken");
    Validator v(*body);
    const auto token = v.text(body->contains(camel) ? camel : snake, true, 1, 512);
    if (v.ok() && body->contains(camel) && body->contains(snake) &&
        body->value(snake) != body->value(camel))
        v.fail(QStringLiteral("refreshToken and refresh_token differ; send one of them"));
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return std::nullopt;
    }
    return token;
}

std::optional<QString> AuthController::readCookieToken(const HttpRequest &request,
                                                       const ResponderPtr &responder)
{
    if (!SessionCookie::fromOwnOrigin(request)) {
        replyError(responder,
                   ApiError::forbidden(QStringLiteral(
                       "A signed-in session can be used only by Hearth's own web page")));
        return std::nullopt;
    }
    return SessionCookie::read(request);
}

void AuthController::refresh(const HttpRequest &request, const ResponderPtr &responder)
{
    if (SessionCookie::requested(request)) {
        const auto token = readCookieToken(request, responder);
        if (!token)
            return;
        if (token->isEmpty()) {
            replyError(responder, ApiError::unauthorized(QStringLiteral("Not signed in")));
            return;
        }
        const auto refreshed = m_tokens.refresh(*token);
        if (!refreshed) {
            replyError(responder, refreshed.error());
            return;
        }
        replyWithCookie(request, responder, refreshed.value());
        return;
    }
    const auto token = readRefreshToken(request, responder);
    if (!token)
        return;
    const auto refreshed = m_tokens.refresh(*token);
    if (!refreshed) {
        replyError(responder, refreshed.error());
        return;
    }
    // Both spellings, so clients written for either read their own.
    QJsonObject body = refreshed.value();
    body.insert(QStringLiteral("access_token"), body.value(QLatin1String("accessToken")));
    body.insert(QStringLiteral("refresh_token"), body.value(QLatin1String("refreshToken")));
    body.insert(QStringLiteral("expires_in"), body.value(QLatin1String("expiresIn")));
    body.insert(QStringLiteral("token_type"), body.value(QLatin1String("tokenType")));
    replyJson(responder, 200, body);
}

void AuthController::logout(const HttpRequest &request, const ResponderPtr &responder)
{
    if (SessionCookie::requested(request)) {
        const auto token = readCookieToken(request, responder);
        if (!token)
            return;
        // Signing out always forgets the cookie, even when its token was
        // already revoked or expired.
        if (!token->isEmpty())
            m_tokens.logout(*token);
        responder->sendEmpty(204, {{"Set-Cookie", SessionCookie::clearCookie(request)}});
        return;
    }
    const auto token = readRefreshToken(request, responder);
    if (!token)
        return;
    const auto done = m_tokens.logout(*token);
    if (!done) {
        replyError(responder, done.error());
        return;
    }
    responder->sendEmpty(204);
}

} // namespace hearth
