#pragma once

#include "http/Router.h"

namespace hearth {

struct ServerContext;
class Authenticator;

// The admin back office apart from users and providers:
// /v1/admin/usage, /v1/admin/usage/records (JSON or CSV),
// /v1/admin/settings and /v1/admin/logs.
class AdminController
{
public:
    AdminController(ServerContext &context, const Authenticator &auth)
        : m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void settings(const ResponderPtr &responder);
    void updateSettings(const HttpRequest &request, const ResponderPtr &responder);
    void logs(const HttpRequest &request, const ResponderPtr &responder);

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
