#include "storage/UsageRepository.h"

#include "storage/FilteredSelect.h"
#include "storage/SqlRun.h"

namespace hearth {

Outcome<Done> UsageRepository::record(const UsageRecord &r)
{
    SqlRun q(m_db,
             QStringLiteral("INSERT INTO usage_ledger (id, user_id, api_key_id, provider, model,"
                            " prompt_tokens, completion_tokens, total_tokens, estimated,"
                            " latency_ms, status, created_at, reasoning_tokens)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(r.id).bind(nullIfEmpty(r.userId)).bind(nullIfEmpty(r.apiKeyId)).bind(r.provider);
    q.bind(r.model).bind(r.usage.promptTokens).bind(r.usage.completionTokens);
    q.bind(r.usage.totalTokens).bind(r.usage.estimated ? 1 : 0).bind(r.latencyMs).bind(r.status);
    q.bind(r.createdAt).bind(r.usage.reasoningTokens);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<QList<UsageTotals>> UsageRepository::userTotals(const QString &userId,
                                                        const QList<qint64> &since)
{
    QStringList columns;
    for (qsizetype i = 0; i < since.size(); ++i) {
        for (const char *column : {"1", "prompt_tokens", "completion_tokens", "total_tokens"})
            columns << QStringLiteral(
                           "COALESCE(SUM(CASE WHEN created_at >= ? THEN %1 ELSE 0 END), 0)")
                           .arg(QLatin1String(column));
    }
    columns << QStringLiteral("COUNT(*)") << QStringLiteral("COALESCE(SUM(prompt_tokens), 0)")
            << QStringLiteral("COALESCE(SUM(completion_tokens), 0)")
            << QStringLiteral("COALESCE(SUM(total_tokens), 0)");
    SqlRun q(m_db, QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) +
                       QStringLiteral(" FROM usage_ledger WHERE user_id = ?"));
    for (const qint64 start : since) {
        for (int i = 0; i < 4; ++i)
            q.bind(start);
    }
    q.bind(userId);
    if (!q.exec() || !q.next())
        return q.error();
    QList<UsageTotals> totals;
    for (int i = 0; i <= since.size(); ++i)
        totals << UsageTotals{q.value(i * 4).toLongLong(), q.value(i * 4 + 1).toLongLong(),
                              q.value(i * 4 + 2).toLongLong(), q.value(i * 4 + 3).toLongLong()};
    return totals;
}

Outcome<qint64> UsageRepository::tokensSince(const QString &userId, qint64 since)
{
    SqlRun q(m_db, QStringLiteral("SELECT COALESCE(SUM(total_tokens), 0) FROM usage_ledger"
                                  " WHERE user_id = ? AND created_at >= ?"));
    q.bind(userId).bind(since);
    if (!q.exec() || !q.next())
        return q.error();
    return q.value(0).toLongLong();
}

Outcome<QList<UsageRecordRow>> UsageRepository::records(const UsageRecordQuery &query)
{
    FilteredSelect select(QStringLiteral(
        "SELECT l.id, l.user_id, l.api_key_id, l.provider, l.model, l.prompt_tokens,"
        " l.completion_tokens, l.total_tokens, l.estimated, l.latency_ms, l.status, l.created_at,"
        " COALESCE(u.email, ''), l.reasoning_tokens FROM usage_ledger l"
        " LEFT JOIN users u ON u.id = l.user_id"
        " WHERE l.created_at >= ?"));
    select.bindFirst(query.from);
    if (query.to > 0)
        select.andWhere(QStringLiteral("l.created_at < ?"), {query.to});
    if (!query.userId.isEmpty())
        select.andWhere(QStringLiteral("l.user_id = ?"), {query.userId});
    if (!query.model.isEmpty())
        select.andWhere(QStringLiteral("l.model = ?"), {query.model});
    select.newestFirstPage(QStringLiteral("l.created_at"), QStringLiteral("l.id"), query.beforeTime,
                           query.beforeId, query.limit);
    SqlRun q(m_db, select.sql());
    select.bindTo(q);
    if (!q.exec())
        return q.error();
    QList<UsageRecordRow> rows;
    while (q.next()) {
        UsageRecordRow row;
        UsageRecord &r = row.record;
        r.id = q.value(0).toString();
        r.userId = q.value(1).toString();
        r.apiKeyId = q.value(2).toString();
        r.provider = q.value(3).toString();
        r.model = q.value(4).toString();
        r.usage = {q.value(5).toInt(), q.value(6).toInt(), q.value(7).toInt(),
                   q.value(8).toInt() != 0};
        r.latencyMs = q.value(9).toLongLong();
        r.status = q.value(10).toString();
        r.createdAt = q.value(11).toLongLong();
        row.userEmail = q.value(12).toString();
        r.usage.reasoningTokens = q.value(13).toInt();
        rows << row;
    }
    return rows;
}

Outcome<QList<UsageGroup>> UsageRepository::grouped(const QString &sql, qint64 from, qint64 to,
                                                    const QString &userId)
{
    SqlRun q(m_db, sql);
    q.bind(from).bind(to);
    if (!userId.isEmpty())
        q.bind(userId);
    if (!q.exec())
        return q.error();
    QList<UsageGroup> groups;
    while (q.next())
        groups << UsageGroup{q.value(0).toString(),
                             q.value(1).toString(),
                             {q.value(2).toLongLong(), q.value(3).toLongLong(),
                              q.value(4).toLongLong(), q.value(5).toLongLong()}};
    return groups;
}

Outcome<QList<UsageGroup>> UsageRepository::byUser(qint64 from, qint64 to)
{
    return grouped(
        QStringLiteral(
            "SELECT COALESCE(g.user_id, ''), COALESCE(u.email, ''), g.n, g.p, g.c, g.t FROM"
            " (SELECT user_id, COUNT(*) AS n, SUM(prompt_tokens) AS p,"
            " SUM(completion_tokens) AS c, SUM(total_tokens) AS t FROM usage_ledger"
            " WHERE created_at >= ? AND created_at < ? GROUP BY user_id) g"
            " LEFT JOIN users u ON u.id = g.user_id ORDER BY g.t DESC, g.user_id"),
        from, to);
}

Outcome<QList<UsageGroup>> UsageRepository::byModel(qint64 from, qint64 to, const QString &userId)
{
    return grouped(
        QStringLiteral("SELECT model, model, COUNT(*), SUM(prompt_tokens), SUM(completion_tokens),"
                       " SUM(total_tokens) AS t FROM usage_ledger WHERE created_at >= ?"
                       " AND created_at < ?") +
            (userId.isEmpty() ? QString() : QStringLiteral(" AND user_id = ?")) +
            QStringLiteral(" GROUP BY model ORDER BY t DESC, model"),
        from, to, userId);
}

Outcome<QList<UsageGroup>> UsageRepository::byRanges(const QList<QPair<qint64, qint64>> &ranges,
                                                     const QString &userId)
{
    QList<UsageGroup> groups;
    if (ranges.isEmpty())
        return groups;
    // One scan of the range: each row lands in the bucket whose start it
    // follows; buckets come from the caller (days in the server's time zone).
    QStringList cases;
    for (qsizetype i = 0; i < ranges.size(); ++i)
        cases << QStringLiteral("WHEN created_at < ? THEN %1").arg(i);
    SqlRun q(m_db,
             QStringLiteral("SELECT b, COUNT(*), SUM(prompt_tokens), SUM(completion_tokens),"
                            " SUM(total_tokens) FROM (SELECT CASE ") +
                 cases.join(QLatin1Char(' ')) +
                 QStringLiteral(" END AS b, prompt_tokens, completion_tokens, total_tokens"
                                " FROM usage_ledger WHERE created_at >= ? AND created_at < ?") +
                 (userId.isEmpty() ? QString() : QStringLiteral(" AND user_id = ?")) +
                 QStringLiteral(") buckets GROUP BY b"));
    for (const auto &range : ranges)
        q.bind(range.second);
    q.bind(ranges.first().first).bind(ranges.last().second);
    if (!userId.isEmpty())
        q.bind(userId);
    if (!q.exec())
        return q.error();
    groups.resize(ranges.size());
    while (q.next()) {
        const int bucket = q.value(0).toInt();
        if (bucket >= 0 && bucket < groups.size())
            groups[bucket].totals = {q.value(1).toLongLong(), q.value(2).toLongLong(),
                                     q.value(3).toLongLong(), q.value(4).toLongLong()};
    }
    return groups;
}

} // namespace hearth
