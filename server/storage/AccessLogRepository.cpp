#include "storage/AccessLogRepository.h"

#include "storage/Database.h"
#include "storage/SqlRun.h"

#include <QtSql/QSqlDatabase>

namespace hearth {

Outcome<Done> AccessLogRepository::insert(const QList<AccessLogRecord> &records)
{
    QSqlDatabase db = m_db.connection();
    if (!db.isOpen())
        return ApiError::unavailable();
    db.transaction();
    for (const AccessLogRecord &r : records) {
        SqlRun q(m_db, QStringLiteral("INSERT INTO access_log (id, time, client_address, user_id,"
                                      " method, path, status, latency_ms, upstream_latency_ms)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(r.id).bind(r.time).bind(r.clientAddress).bind(nullIfEmpty(r.userId)).bind(r.method);
        q.bind(r.path).bind(r.status).bind(r.latencyMs);
        q.bind(r.upstreamLatencyMs < 0 ? QVariant(QMetaType::fromType<qint64>())
                                       : QVariant(r.upstreamLatencyMs));
        if (!q.exec()) {
            db.rollback();
            return q.error();
        }
    }
    db.commit();
    return Done{};
}

Outcome<QList<AccessLogRecord>> AccessLogRepository::query(const AccessLogQuery &query)
{
    QString sql =
        QStringLiteral("SELECT id, time, client_address, user_id, method, path, status,"
                       " latency_ms, upstream_latency_ms FROM access_log WHERE time >= ?");
    QVariantList binds{query.from};
    if (query.to > 0) {
        sql += QStringLiteral(" AND time < ?");
        binds << query.to;
    }
    if (!query.userId.isEmpty()) {
        sql += QStringLiteral(" AND user_id = ?");
        binds << query.userId;
    }
    if (query.status > 0) {
        sql += QStringLiteral(" AND status = ?");
        binds << query.status;
    }
    if (!query.pathPrefix.isEmpty()) {
        sql += QStringLiteral(" AND substr(path, 1, ?) = ?");
        binds << int(query.pathPrefix.size()) << query.pathPrefix;
    }
    if (!query.beforeId.isEmpty()) {
        sql += QStringLiteral(" AND (time < ? OR (time = ? AND id < ?))");
        binds << query.beforeTime << query.beforeTime << query.beforeId;
    }
    sql += QStringLiteral(" ORDER BY time DESC, id DESC LIMIT ?");
    binds << query.limit + 1;
    SqlRun q(m_db, sql);
    for (const QVariant &value : std::as_const(binds))
        q.bind(value);
    if (!q.exec())
        return q.error();
    QList<AccessLogRecord> rows;
    while (q.next()) {
        AccessLogRecord r;
        r.id = q.value(0).toString();
        r.time = q.value(1).toLongLong();
        r.clientAddress = q.value(2).toString();
        r.userId = q.value(3).toString();
        r.method = q.value(4).toString();
        r.path = q.value(5).toString();
        r.status = q.value(6).toInt();
        r.latencyMs = q.value(7).toLongLong();
        r.upstreamLatencyMs = q.value(8).isNull() ? -1 : q.value(8).toLongLong();
        rows << r;
    }
    return rows;
}

Outcome<int> AccessLogRepository::pruneBefore(qint64 time)
{
    SqlRun q(m_db, QStringLiteral("DELETE FROM access_log WHERE time < ?"));
    q.bind(time);
    if (!q.exec())
        return q.error();
    return q.rowsAffected();
}

} // namespace hearth
