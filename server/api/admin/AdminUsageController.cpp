#include "api/admin/AdminUsageController.h"

#include "api/UsageReports.h"
#include "api/auth/Authenticator.h"

namespace hearth {

void AdminUsageController::registerRoutes(Router &router)
{
    router.add(
        "GET", QStringLiteral("/v1/admin/usage"),
        m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p, const Caller &) {
            replyUsageBreakdown(m_context, r, p, {});
        }));
    router.add(
        "GET", QStringLiteral("/v1/admin/usage/records"),
        m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p, const Caller &) {
            replyUsageRecords(m_context, r, p, {});
        }));
}

} // namespace hearth
