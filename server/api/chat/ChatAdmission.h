#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"
#include "http/CorsPolicy.h"

#include <QtCore/QDateTime>

namespace hearth {

struct ServerContext;

// Calendar boundaries in the server's time zone, as epoch milliseconds.
struct CalendarBoundaries
{
    qint64 todayStart = 0;
    qint64 weekStart = 0; // Monday
    qint64 monthStart = 0;
    qint64 tomorrowStart = 0;
    qint64 nextMonthStart = 0;
    static CalendarBoundaries at(qint64 nowMs, const QTimeZone &zone);
};

// Decides whether a user may send one more chat message now: sliding-window
// rate limits (per minute/day/week, counted in the database) and token
// quotas (per day/month). An admitted send is counted at once.
class ChatAdmission
{
public:
    explicit ChatAdmission(ServerContext &context)
        : m_context(context)
    {}

    struct Admitted
    {
        HeaderList headers; // X-RateLimit-*
    };
    // RATE_LIMITED or QUOTA_EXCEEDED (429, Retry-After, a sentence in the
    // client's language) when not admitted; the headers apply either way.
    Outcome<Admitted> admit(const User &user, const QByteArray &acceptLanguage,
                            HeaderList *headersOnRefusal);

private:
    ServerContext &m_context;
};

} // namespace hearth
