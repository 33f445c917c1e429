#pragma once

#include "http/Router.h"

namespace hearth {

struct ServerContext;
class Authenticator;

// GET and PATCH /v1/admin/settings: rate limits, quotas, default model, time
// zone, log retention (those the environment fixes are reported as locked).
class AdminSettingsController final
{
public:
    AdminSettingsController(ServerContext &context, const Authenticator &auth)
        : m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void settings(const ResponderPtr &responder);
    void updateSettings(const HttpRequest &request, const ResponderPtr &responder);

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
