#include "api/UsageReports.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/Paging.h"
#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "api/UsageExport.h"
#include "api/chat/ChatAdmission.h"
#include "core/Clock.h"
#include "core/TimeFormat.h"

#include <QtCore/QJsonArray>

namespace hearth {

namespace {
// A day-by-day answer is one bucket per day; 400 covers a year and a bit.
constexpr int maxDays = 400;
} // namespace

void replyUsageBreakdown(ServerContext &context, const HttpRequest &request,
                         const ResponderPtr &responder, const QString &userId)
{
    const bool everyone = userId.isEmpty();
    QStringList errors;
    auto from = readTime(request, QStringLiteral("from"), errors);
    auto to = readTime(request, QStringLiteral("to"), errors);
    const QString groupBy = request.query.hasQueryItem(QStringLiteral("groupBy"))
                                ? request.queryValue(QStringLiteral("groupBy"))
                            : everyone ? QStringLiteral("user")
                                       : QStringLiteral("model");
    if (everyone && groupBy != QLatin1String("user") && groupBy != QLatin1String("model") &&
        groupBy != QLatin1String("day"))
        errors << QStringLiteral("groupBy must be user, model or day");
    if (!everyone && groupBy != QLatin1String("model") && groupBy != QLatin1String("day"))
        errors << QStringLiteral("groupBy must be model or day");
    const auto settings = context.settingsService->current();
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
        groups = context.usage.byUser(*from, *to);
    else if (groupBy == QLatin1String("model"))
        groups = context.usage.byModel(*from, *to, userId);
    else
        groups = context.usage.byRanges(days, userId);
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

void replyUsageRecords(ServerContext &context, const HttpRequest &request,
                       const ResponderPtr &responder, const QString &userId)
{
    QStringList errors;
    UsageRecordQuery query;
    const auto limit = readLimit(request, 100, 1000, errors);
    const auto cursor = readCursor(request, errors);
    const auto from = readTime(request, QStringLiteral("from"), errors);
    const auto to = readTime(request, QStringLiteral("to"), errors);
    if (!errors.isEmpty()) {
        replyError(responder, ApiError::validation(errors));
        return;
    }
    query.userId = userId.isEmpty() ? request.queryValue(QStringLiteral("userId")) : userId;
    query.model = request.queryValue(QStringLiteral("model"));
    query.limit = *limit;
    query.from = *from;
    query.to = *to;
    query.beforeTime = cursor->time;
    query.beforeId = cursor->id;
    if (request.header("accept").contains("text/csv")) {
        auto *exporter = new UsageExport(context, query, responder, context.jobs);
        exporter->start();
        return;
    }
    auto rows = context.usage.records(query);
    if (!rows) {
        replyError(responder, rows.error());
        return;
    }
    replyPage(request, responder, rows.value(), query.limit, usageRecordJson,
              [](const UsageRecordRow &r) {
                  return Cursor{r.record.createdAt, r.record.id};
              });
}

} // namespace hearth
