#pragma once

#include "http/Router.h"

namespace hearth {

struct ServerContext;
class Authenticator;

// GET /v1/admin/logs: the access log, newest first, filtered by time, user,
// status and path.
class AdminLogController final
{
public:
    AdminLogController(ServerContext &context, const Authenticator &auth)
        : m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void logs(const HttpRequest &request, const ResponderPtr &responder);

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
