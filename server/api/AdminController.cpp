#include "api/AdminController.h"

#include "api/ApiReply.h"
#include "api/Authenticator.h"
#include "api/ChatAdmission.h"
#include "api/JsonViews.h"
#include "api/MeController.h"
#include "api/Paging.h"
#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "core/Clock.h"
#include "core/TimeFormat.h"

namespace hearth {

namespace {
constexpr int maxDays = 400;

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

void AdminController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/admin/usage"),
               m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p,
                                          const Caller &) { usage(r, p); }));
    router.add(
        "GET", QStringLiteral("/v1/admin/usage/records"),
        m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p, const Caller &) {
            replyUsageRecords(m_context, r, p, {});
        }));
    router.add("GET", QStringLiteral("/v1/admin/settings"),
               m_auth.requireAdmin([this](const HttpRequest &, const ResponderPtr &p,
                                          const Caller &) { settings(p); }));
    router.add("PATCH", QStringLiteral("/v1/admin/settings"),
               m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p,
                                          const Caller &) { updateSettings(r, p); }));
    router.add("GET", QStringLiteral("/v1/admin/logs"),
               m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p,
                                          const Caller &) { logs(r, p); }));
}

void AdminController::usage(const HttpRequest &request, const ResponderPtr &responder)
{
    QStringList errors;
    auto from = readTime(request, QStringLiteral("from"), errors);
    auto to = readTime(request, QStringLiteral("to"), errors);
    const QString groupBy = request.query.hasQueryItem(QStringLiteral("groupBy"))
                                ? request.queryValue(QStringLiteral("groupBy"))
                                : QStringLiteral("user");
    if (groupBy != QLatin1String("user") && groupBy != QLatin1String("model") &&
        groupBy != QLatin1String("day"))
        errors << QStringLiteral("groupBy must be user, model or day");
    const auto settings = m_context.settingsService->current();
    if (!settings) {
        replyError(responder, settings.error());
        return;
    }
    const QTimeZone zone = settings->zone();
    const qint64 now = Clock::system().nowMs();
    // Without a range: this month so far, in the server's time zone.
    if (from && *from == 0)
        from = CalendarBoundaries::at(now, zone).monthStart;
    if (to && *to == 0)
        to = now + 1;
    if (from && to && *from >= *to)
        errors << QStringLiteral("from must be before to");
    QList<QPair<qint64, qint64>> days;
    QStringList dayKeys;
    if (errors.isEmpty() && groupBy == QLatin1String("day")) {
        QDate day = QDateTime::fromMSecsSinceEpoch(*from, zone).date();
        for (qint64 start = *from; start < *to && days.size() <= maxDays;) {
            const qint64 end =
                qMin(*to, QDateTime(day.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch());
            days.append({start, end});
            dayKeys << day.toString(Qt::ISODate);
            start = end;
            day = day.addDays(1);
        }
        if (days.size() > maxDays)
            errors << QStringLiteral("groupBy=day covers at most %1 days").arg(maxDays);
    }
    if (!errors.isEmpty()) {
        replyError(responder, ApiError::validation(errors));
        return;
    }
    Outcome<QList<UsageGroup>> groups = QList<UsageGroup>();
    if (groupBy == QLatin1String("user"))
        groups = m_context.usage.byUser(*from, *to);
    else if (groupBy == QLatin1String("model"))
        groups = m_context.usage.byModel(*from, *to);
    else
        groups = m_context.usage.byRanges(days);
    if (!groups) {
        replyError(responder, groups.error());
        return;
    }
    UsageTotals totals;
    QJsonArray array;
    for (qsizetype i = 0; i < groups->size(); ++i) {
        UsageGroup group = groups->at(i);
        if (groupBy == QLatin1String("day"))
            group.key = group.label = dayKeys.at(i);
        else if (groupBy == QLatin1String("user") && group.key.isEmpty())
            group.label = QStringLiteral("(deleted user)");
        totals.requests += group.totals.requests;
        totals.promptTokens += group.totals.promptTokens;
        totals.completionTokens += group.totals.completionTokens;
        totals.totalTokens += group.totals.totalTokens;
        QJsonObject json = usageTotalsJson(group.totals);
        json.insert(QStringLiteral("key"), group.key);
        json.insert(QStringLiteral("label"), group.label);
        array.append(json);
    }
    replyJson(responder, 200,
              {{QStringLiteral("totals"), usageTotalsJson(totals)},
               {QStringLiteral("groups"), array},
               {QStringLiteral("groupBy"), groupBy},
               {QStringLiteral("from"), toRfc3339(*from)},
               {QStringLiteral("to"), toRfc3339(*to)},
               {QStringLiteral("timeZone"), settings->timeZone}});
}

void AdminController::settings(const ResponderPtr &responder)
{
    const auto current = m_context.settingsService->current();
    if (!current) {
        replyError(responder, current.error());
        return;
    }
    replyJson(responder, 200, current->toJson());
}

void AdminController::updateSettings(const HttpRequest &request, const ResponderPtr &responder)
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

void AdminController::logs(const HttpRequest &request, const ResponderPtr &responder)
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
