#include "storage/UsageRepository.h"

#include "storage/SqlRun.h"

namespace hearth {

Outcome<Done> UsageRepository::record(const UsageRecord &r)
{
    SqlRun q(m_db,
             QStringLiteral("INSERT INTO usage_ledger (id, user_id, api_key_id, provider, model,"
                            " prompt_tokens, completion_tokens, total_tokens, estimated,"
                            " latency_ms, status, created_at)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(r.id).bind(nullIfEmpty(r.userId)).bind(nullIfEmpty(r.apiKeyId)).bind(r.provider);
    q.bind(r.model).bind(r.usage.promptTokens).bind(r.usage.completionTokens);
    q.bind(r.usage.totalTokens).bind(r.usage.estimated ? 1 : 0).bind(r.latencyMs).bind(r.status);
    q.bind(r.createdAt);
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<QList<UsageRecord>> UsageRepository::forUser(const QString &userId, int limit)
{
    SqlRun q(m_db, QStringLiteral("SELECT id, user_id, api_key_id, provider, model, prompt_tokens,"
                                  " completion_tokens, total_tokens, estimated, latency_ms, status,"
                                  " created_at FROM usage_ledger WHERE user_id = ?"
                                  " ORDER BY created_at DESC, id DESC LIMIT ?"));
    q.bind(userId).bind(limit);
    if (!q.exec())
        return q.error();
    QList<UsageRecord> rows;
    while (q.next()) {
        UsageRecord r;
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
        rows << r;
    }
    return rows;
}

} // namespace hearth
