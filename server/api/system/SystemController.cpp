#include "api/system/SystemController.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/ServerContext.h"
#include "api/auth/Authenticator.h"
#include "core/Clock.h"
#include "core/Version.h"

#include <QtCore/QFile>

namespace hearth {

void SystemController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/health"),
               [this](const HttpRequest &, const ResponderPtr &p) { health(p); });
    router.add("GET", QStringLiteral("/v1/openapi.json"),
               [](const HttpRequest &, const ResponderPtr &p) { openApi(p); });
    // Public by default, as the original answered it: its web client loads
    // the list before it sends its token, and signed itself out on a 401.
    if (m_context.config.publicModels)
        router.add(
            "GET", QStringLiteral("/v1/models"),
            m_auth.allowAnonymous([this](const HttpRequest &, const ResponderPtr &p,
                                         const Caller *caller) { models(p, caller != nullptr); }));
    else
        router.add("GET", QStringLiteral("/v1/models"),
                   m_auth.require([this](const HttpRequest &, const ResponderPtr &p, const User &) {
                       models(p, true);
                   }));
}

void SystemController::health(const ResponderPtr &responder)
{
    const bool databaseOk = m_context.db->ping();
    const qint64 uptime = (Clock::system().nowMs() - m_context.startedAtMs) / 1000;
    replyJson(
        responder, databaseOk ? 200 : 503,
        {{QStringLiteral("status"), databaseOk ? QStringLiteral("ok") : QStringLiteral("degraded")},
         {QStringLiteral("version"), version()},
         {QStringLiteral("database"),
          databaseOk ? QStringLiteral("ok") : QStringLiteral("unavailable")},
         {QStringLiteral("uptimeSeconds"), uptime},
         // Public on purpose: a client compares it with what the admin sees.
         {QStringLiteral("tlsFingerprint"), m_context.tlsFingerprint.isEmpty()
                                                ? QJsonValue()
                                                : QJsonValue(m_context.tlsFingerprint)}});
}

void SystemController::openApi(const ResponderPtr &responder)
{
    static const QByteArray document = [] {
        QFile file(QStringLiteral(":/api/openapi.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    responder->send(200, "application/json; charset=utf-8", document);
}

void SystemController::models(const ResponderPtr &responder, bool signedIn)
{
    QJsonArray data;
    for (const ModelInfo &model : m_context.providers->models()) {
        QJsonObject json = modelJson(model);
        // Which provider serves a model is for those who may use it.
        if (!signedIn)
            json.remove(QLatin1String("provider"));
        data.append(json);
    }
    replyJson(responder, 200,
              {{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
}

} // namespace hearth
