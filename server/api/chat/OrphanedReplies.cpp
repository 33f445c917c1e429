#include "api/chat/OrphanedReplies.h"

#include "api/ServerContext.h"
#include "core/Clock.h"

#include <QtCore/QLoggingCategory>

Q_LOGGING_CATEGORY(lcReplies, "hearth.replies")

namespace hearth {

OrphanedReplies::OrphanedReplies(ServerContext &context, bool databaseIsShared)
    : m_context(context)
    , m_shared(databaseIsShared)
{
    m_sweep.setInterval(int(staleAfterMs()));
    QObject::connect(&m_sweep, &QTimer::timeout, &m_sweep,
                     [this] { sweep(Clock::system().nowMs() - staleAfterMs()); });
}

qint64 OrphanedReplies::staleAfterMs() const
{
    return 5ll * m_context.config.replySaveIntervalMs;
}

void OrphanedReplies::start()
{
    const qint64 now = Clock::system().nowMs();
    sweep(m_shared ? now - staleAfterMs() : now + 1);
    if (m_shared)
        m_sweep.start();
}

void OrphanedReplies::sweep(qint64 staleBefore)
{
    const auto marked = m_context.messages.markUnfinishedAsInterrupted(staleBefore);
    if (!marked)
        qCWarning(lcReplies) << "could not close the replies of a stopped server:"
                             << marked.error().message;
    else if (marked.value() > 0)
        qCInfo(lcReplies) << marked.value()
                          << "replies were left unfinished by a server that stopped; "
                             "they are kept as interrupted";
}

} // namespace hearth
