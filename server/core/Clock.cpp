#include "core/Clock.h"

#include <QtCore/QDateTime>

#include <atomic>

namespace hearth {

namespace {
std::atomic<qint64> lastIssued{0};
}

qint64 Clock::nowMs()
{
    return strictlyAfterLast(QDateTime::currentMSecsSinceEpoch());
}

qint64 Clock::strictlyAfterLast(qint64 candidate)
{
    qint64 last = lastIssued.load();
    qint64 next;
    do {
        next = candidate > last ? candidate : last + 1;
    } while (!lastIssued.compare_exchange_weak(last, next));
    return next;
}

Clock &Clock::system()
{
    static Clock clock;
    return clock;
}

} // namespace hearth
