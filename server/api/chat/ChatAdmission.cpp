#include "api/chat/ChatAdmission.h"

#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "api/chat/Localized.h"
#include "core/Clock.h"

namespace hearth {

namespace {

struct Window
{
    LimitWindow kind;
    qint64 lengthMs;
    int limit;
};

int secondsUntil(qint64 fromMs, qint64 toMs)
{
    return int(qMax<qint64>(1, (toMs - fromMs + 999) / 1000));
}

} // namespace

CalendarBoundaries CalendarBoundaries::at(qint64 nowMs, const QTimeZone &zone)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, zone);
    const QDate today = now.date();
    auto startOf = [&](QDate day) { return QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch(); };
    CalendarBoundaries b;
    b.todayStart = startOf(today);
    b.weekStart = startOf(today.addDays(1 - today.dayOfWeek()));
    b.monthStart = startOf(QDate(today.year(), today.month(), 1));
    b.tomorrowStart = startOf(today.addDays(1));
    b.nextMonthStart = startOf(QDate(today.year(), today.month(), 1).addMonths(1));
    return b;
}

Outcome<ChatAdmission::Admitted> ChatAdmission::admit(const User &user,
                                                      const QByteArray &acceptLanguage,
                                                      HeaderList *headersOnRefusal)
{
    const auto settings = m_context.settingsService->current();
    if (!settings)
        return settings.error();
    const Language language = preferredLanguage(acceptLanguage);
    const qint64 now = Clock::system().nowMs();
    const QString subject = QStringLiteral("chat:") + user.id;

    QList<Window> windows;
    const RateLimits &limits = settings->chatRateLimit;
    if (limits.perMinute)
        windows << Window{LimitWindow::Minute, 60 * 1000, *limits.perMinute};
    if (limits.perDay)
        windows << Window{LimitWindow::Day, 86400 * 1000, *limits.perDay};
    if (limits.perWeek)
        windows << Window{LimitWindow::Week, 7ll * 86400 * 1000, *limits.perWeek};

    HeaderList headers;
    if (!windows.isEmpty()) {
        QList<qint64> since;
        for (const Window &w : std::as_const(windows))
            since << now - w.lengthMs + 1;
        const auto counts = m_context.rateEvents.countSince(subject, since);
        if (!counts)
            return counts.error();
        int retryAfter = 0;
        const Window *violated = nullptr;
        const Window *tightest = nullptr;
        int tightestRemaining = INT_MAX;
        int tightestReset = 0;
        for (qsizetype i = 0; i < windows.size(); ++i) {
            const Window &w = windows[i];
            const int count = counts->at(i);
            // When the oldest counted event leaves the window, one more send fits.
            // An empty window needs no lookup: it resets a whole window from now.
            int reset = int(w.lengthMs / 1000);
            if (count > 0) {
                const auto oldest =
                    m_context.rateEvents.eventTime(subject, since[i], qMax(0, count - w.limit));
                if (!oldest)
                    return oldest.error();
                reset = secondsUntil(now, oldest.value() + w.lengthMs);
            }
            if (count >= w.limit && reset > retryAfter) {
                retryAfter = reset;
                violated = &w;
            }
            const int remaining = qMax(0, w.limit - count - (count < w.limit ? 1 : 0));
            if (remaining < tightestRemaining) {
                tightestRemaining = remaining;
                tightest = &w;
                tightestReset = reset;
            }
        }
        headers << qMakePair(QByteArray("X-RateLimit-Limit"), QByteArray::number(tightest->limit))
                << qMakePair(QByteArray("X-RateLimit-Remaining"),
                             QByteArray::number(tightestRemaining))
                << qMakePair(QByteArray("X-RateLimit-Reset"), QByteArray::number(tightestReset));
        if (violated) {
            *headersOnRefusal = headers;
            return ApiError::rateLimited(
                rateLimitedMessage(language, violated->limit, violated->kind, retryAfter),
                retryAfter);
        }
    }

    const TokenQuota quota{
        user.dailyTokenQuota ? user.dailyTokenQuota : settings->defaultQuota.dailyTokens,
        user.monthlyTokenQuota ? user.monthlyTokenQuota : settings->defaultQuota.monthlyTokens};
    if (quota.dailyTokens || quota.monthlyTokens) {
        const CalendarBoundaries cal = CalendarBoundaries::at(now, settings->zone());
        for (const bool monthly : {false, true}) {
            const std::optional<qint64> &limit = monthly ? quota.monthlyTokens : quota.dailyTokens;
            if (!limit)
                continue;
            const auto used =
                m_context.usage.tokensSince(user.id, monthly ? cal.monthStart : cal.todayStart);
            if (!used)
                return used.error();
            if (used.value() >= *limit) {
                const int retryAfter =
                    secondsUntil(now, monthly ? cal.nextMonthStart : cal.tomorrowStart);
                *headersOnRefusal = headers;
                return ApiError{429,
                                QStringLiteral("QUOTA_EXCEEDED"),
                                quotaExceededMessage(language, *limit, monthly, retryAfter),
                                {},
                                retryAfter};
            }
        }
    }

    if (!windows.isEmpty()) {
        const auto recorded = m_context.rateEvents.record(subject, now);
        if (!recorded)
            return recorded.error();
    }
    return Admitted{headers};
}

} // namespace hearth
