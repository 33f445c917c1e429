#include "storage/RateEventRepository.h"

#include "storage/SqlRun.h"

#include <algorithm>

namespace hearth {

Outcome<Done> RateEventRepository::record(const QString &subject, qint64 at)
{
    SqlRun q(m_db, QStringLiteral("INSERT INTO rate_events (subject, created_at) VALUES (?, ?)"));
    q.bind(subject).bind(at);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<QList<int>> RateEventRepository::countSince(const QString &subject,
                                                    const QList<qint64> &since)
{
    if (since.isEmpty())
        return QList<int>();
    QStringList sums;
    for (qsizetype i = 0; i < since.size(); ++i)
        sums << QStringLiteral("SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END)");
    SqlRun q(m_db, QStringLiteral("SELECT ") + sums.join(QStringLiteral(", ")) +
                       QStringLiteral(" FROM rate_events WHERE subject = ? AND created_at >= ?"));
    for (const qint64 start : since)
        q.bind(start);
    q.bind(subject).bind(*std::min_element(since.begin(), since.end()));
    if (!q.exec() || !q.next())
        return q.error();
    QList<int> counts;
    for (qsizetype i = 0; i < since.size(); ++i)
        counts << q.value(int(i)).toInt();
    return counts;
}

Outcome<qint64> RateEventRepository::eventTime(const QString &subject, qint64 since, int index)
{
    SqlRun q(m_db, QStringLiteral("SELECT created_at FROM rate_events WHERE subject = ?"
                                  " AND created_at >= ? ORDER BY created_at LIMIT 1 OFFSET ?"));
    q.bind(subject).bind(since).bind(index);
    if (!q.exec())
        return q.error();
    return q.next() ? q.value(0).toLongLong() : since;
}

Outcome<Done> RateEventRepository::pruneBefore(qint64 at)
{
    SqlRun q(m_db, QStringLiteral("DELETE FROM rate_events WHERE created_at < ?"));
    q.bind(at);
    if (!q.exec())
        return q.error();
    return Done{};
}

} // namespace hearth
