#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"
#include "http/Router.h"

namespace hearth {

struct ServerContext;

// Turns "Authorization: Bearer <token>" into the signed-in user. The user is
// loaded on every request, so a disabled account or a changed password
// (token_version bump) locks out old tokens at once, not at expiry.
class Authenticator
{
public:
    explicit Authenticator(ServerContext &context)
        : m_context(context)
    {}

    Outcome<User> authenticate(const HttpRequest &request) const;

    using AuthedHandler =
        std::function<void(const HttpRequest &, const ResponderPtr &, const User &)>;
    // Wraps a handler so that it runs only for a signed-in, enabled user.
    RouteHandler require(AuthedHandler handler) const;

private:
    ServerContext &m_context;
};

} // namespace hearth
