#include "security/LoginThrottle.h"

namespace hearth {

int LoginThrottle::waitFor(QList<qint64> &failures, int limit, qint64 nowMs) const
{
    while (!failures.isEmpty() && failures.first() <= nowMs - m_limits.windowMs)
        failures.removeFirst();
    if (failures.size() < limit)
        return 0;
    const qint64 freeAt = failures.at(failures.size() - limit) + m_limits.windowMs;
    return int((freeAt - nowMs + 999) / 1000);
}

int LoginThrottle::retryAfter(const QString &account, const QString &address, qint64 nowMs)
{
    int wait = 0;
    if (auto it = m_byAccount.find(account); it != m_byAccount.end())
        wait = qMax(wait, waitFor(*it, m_limits.perAccount, nowMs));
    if (auto it = m_byAddress.find(address); it != m_byAddress.end())
        wait = qMax(wait, waitFor(*it, m_limits.perAddress, nowMs));
    return wait;
}

void LoginThrottle::recordFailure(const QString &account, const QString &address, qint64 nowMs)
{
    m_byAccount[account].append(nowMs);
    m_byAddress[address].append(nowMs);
}

void LoginThrottle::recordSuccess(const QString &account)
{
    m_byAccount.remove(account);
}

} // namespace hearth
