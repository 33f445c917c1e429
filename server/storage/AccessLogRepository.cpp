#include "storage/AccessLogRepository.h"

#include "storage/Database.h"
#include "storage/FilteredSelect.h"
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
    FilteredSelect select(QStringLiteral("SELECT id, time, client_address, user_id, method, path,"
                                         " status, latency_ms, upstream_latency_ms FROM access_log"
                                         " WHERE time >= ?"));
    select.bindFirst(query.from);
    if (query.to > 0)
        select.andWhere(QStringLiteral("time < ?"), {query.to});
    if (!query.userId.isEmpty())
        select.andWhere(QStringLiteral("user_id = ?"), {query.userId});
    if (query.status > 0)
        select.andWhere(QStringLiteral("status = ?"), {query.status});
    if (!query.pathPrefix.isEmpty())
        select.andWhere(QStringLiteral("substr(path, 1, ?) = ?"),
                        {int(query.pathPrefix.size()), query.pathPrefix});
    select.newestFirstPage(QStringLiteral("time"), QStringLiteral("id"), query.beforeTime,
                           query.beforeId, query.limit);
    SqlRun q(m_db, select.sql());
    select.bindTo(q);
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
