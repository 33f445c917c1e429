#include "api/admin/AdminSettingsController.h"

#include "api/ApiReply.h"
#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "api/auth/Authenticator.h"

namespace hearth {

void AdminSettingsController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/admin/settings"),
               m_auth.requireAdmin([this](const HttpRequest &, const ResponderPtr &p,
                                          const Caller &) { settings(p); }));
    router.add("PATCH", QStringLiteral("/v1/admin/settings"),
               m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p,
                                          const Caller &) { updateSettings(r, p); }));
}

void AdminSettingsController::settings(const ResponderPtr &responder)
{
    const auto current = m_context.settingsService->current();
    if (!current) {
        replyError(responder, current.error());
        return;
    }
    replyJson(responder, 200, current->toJson());
}

void AdminSettingsController::updateSettings(const HttpRequest &request,
                                             const ResponderPtr &responder)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    const auto updated = m_context.settingsService->update(*body);
    if (!updated) {
        replyError(responder, updated.error());
        return;
    }
    replyJson(responder, 200, updated->toJson());
}

} // namespace hearth
