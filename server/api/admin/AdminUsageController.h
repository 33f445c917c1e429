#pragma once

#include "http/Router.h"

namespace hearth {

struct ServerContext;
class Authenticator;

// Everyone's usage, for admins: GET /v1/admin/usage (totals and groups) and
// GET /v1/admin/usage/records (JSON pages, or CSV with Accept: text/csv).
class AdminUsageController final
{
public:
    AdminUsageController(ServerContext &context, const Authenticator &auth)
        : m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
