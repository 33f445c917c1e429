#pragma once

#include "http/Router.h"

namespace hearth {

struct ServerContext;
class Authenticator;

// GET /health (no auth) and GET /v1/models.
class SystemController
{
public:
    SystemController(ServerContext &context, const Authenticator &auth)
        : m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void health(const ResponderPtr &responder);
    // signedIn: with each model's provider; anonymous callers get the rest.
    void models(const ResponderPtr &responder, bool signedIn);
    static void openApi(const ResponderPtr &responder);

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
