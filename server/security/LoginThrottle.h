#pragma once

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

namespace hearth {

// Counts failed sign-ins per account and per client address in a sliding
// window; past the limit, further attempts are refused until the oldest
// failure leaves the window. Kept in memory on the server thread.
class LoginThrottle
{
public:
    struct Limits
    {
        int perAccount = 10;
        int perAddress = 30;
        qint64 windowMs = 15 * 60 * 1000;
    };

    LoginThrottle() = default;
    explicit LoginThrottle(Limits limits)
        : m_limits(limits)
    {}

    // Seconds to wait before trying again, 0 when an attempt is allowed.
    int retryAfter(const QString &account, const QString &address, qint64 nowMs);
    void recordFailure(const QString &account, const QString &address, qint64 nowMs);
    void recordSuccess(const QString &account);

private:
    int waitFor(QList<qint64> &failures, int limit, qint64 nowMs) const;

    Limits m_limits;
    QHash<QString, QList<qint64>> m_byAccount;
    QHash<QString, QList<qint64>> m_byAddress;
};

} // namespace hearth
