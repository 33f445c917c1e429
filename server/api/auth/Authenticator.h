#pragma once

#include "api/auth/AuthCache.h"
#include "core/Domain.h"
#include "core/Outcome.h"
#include "http/Router.h"

namespace hearth {

struct ServerContext;

// Who is calling: the user, and the personal API key used, if any.
struct Caller : User
{
    QString apiKeyId;
    QString sessionId; // the login (refresh-token family) of a JWT; empty for API keys
};

// Turns "Authorization: Bearer <token>" into the signed-in user. The user is
// checked on every request, so a disabled account or a changed password
// (token_version bump) locks out old tokens at once, not at expiry: from a
// cache that such a change empties (or, for a change made by another
// process on the same database, within AuthCache::maxAgeMs).
class Authenticator
{
public:
    explicit Authenticator(ServerContext &context);

    // "Bearer <JWT>" or "Bearer hk-…" (a personal API key).
    Outcome<Caller> authenticate(const HttpRequest &request) const;

    using AuthedHandler =
        std::function<void(const HttpRequest &, const ResponderPtr &, const Caller &)>;
    using ErrorReply = std::function<void(const ResponderPtr &, const ApiError &)>;
    // Wraps a handler so that it runs only for a signed-in, enabled user.
    // `onError` formats refusals (the OpenAI-compatible routes use their own shape).
    RouteHandler require(AuthedHandler handler, ErrorReply onError = {}) const;
    // Runs for anyone: the caller is null without an Authorization header. A
    // header that is sent is checked all the same: a bad token gets 401.
    using OpenHandler =
        std::function<void(const HttpRequest &, const ResponderPtr &, const Caller *)>;
    RouteHandler allowAnonymous(OpenHandler handler) const;
    // The same as require, for administrators only (403 for everyone else).
    RouteHandler requireAdmin(AuthedHandler handler) const;

private:
    Outcome<Caller> authenticateKey(const QByteArray &key) const;
    Outcome<Caller> loadUser(const QString &userId, const QString &invalid) const;
    ServerContext &m_context;
    mutable AuthCache m_cache;
};

} // namespace hearth
