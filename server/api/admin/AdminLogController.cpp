#include "api/admin/AdminLogController.h"

#include "api/ApiReply.h"
#include "api/Paging.h"
#include "api/ServerContext.h"
#include "api/auth/Authenticator.h"
#include "core/TimeFormat.h"

namespace hearth {

namespace {

QJsonObject accessLogJson(const AccessLogRecord &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("time"), toRfc3339(r.time)},
            {QStringLiteral("clientAddress"), r.clientAddress},
            {QStringLiteral("userId"), r.userId.isEmpty() ? QJsonValue() : QJsonValue(r.userId)},
            {QStringLiteral("method"), r.method},
            {QStringLiteral("path"), r.path},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("latencyMs"), double(r.latencyMs)},
            {QStringLiteral("upstreamLatencyMs"),
             r.upstreamLatencyMs < 0 ? QJsonValue() : QJsonValue(double(r.upstreamLatencyMs))}};
}
} // namespace

void AdminLogController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/admin/logs"),
               m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p,
                                          const Caller &) { logs(r, p); }));
}

void AdminLogController::logs(const HttpRequest &request, const ResponderPtr &responder)
{
    QStringList errors;
    AccessLogQuery query;
    const auto limit = readLimit(request, 100, 1000, errors);
    const auto cursor = readCursor(request, errors);
    const auto from = readTime(request, QStringLiteral("from"), errors);
    const auto to = readTime(request, QStringLiteral("to"), errors);
    if (request.query.hasQueryItem(QStringLiteral("status"))) {
        bool ok = false;
        query.status = request.queryValue(QStringLiteral("status")).toInt(&ok);
        if (!ok || query.status < 100 || query.status > 599)
            errors << QStringLiteral("status must be an HTTP status code");
    }
    if (!errors.isEmpty()) {
        replyError(responder, ApiError::validation(errors));
        return;
    }
    query.limit = *limit;
    query.from = *from;
    query.to = *to;
    query.userId = request.queryValue(QStringLiteral("userId"));
    query.pathPrefix = request.queryValue(QStringLiteral("path"));
    query.beforeTime = cursor->time;
    query.beforeId = cursor->id;
    auto rows = m_context.accessLog.query(query);
    if (!rows) {
        replyError(responder, rows.error());
        return;
    }
    replyPage(request, responder, rows.value(), query.limit, accessLogJson,
              [](const AccessLogRecord &r) {
                  return Cursor{r.time, r.id};
              });
}

} // namespace hearth
