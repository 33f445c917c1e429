#pragma once

#include "core/Outcome.h"

#include <QtCore/QString>

namespace hearth {

class Database;

struct AccessLogRecord
{
    QString id;
    qint64 time = 0;
    QString clientAddress;
    QString userId;
    QString method;
    QString path;
    int status = 0;
    qint64 latencyMs = 0;
    qint64 upstreamLatencyMs = -1; // -1: no upstream call
};

struct AccessLogQuery
{
    qint64 from = 0;
    qint64 to = 0; // 0: open
    QString userId;
    int status = 0;
    QString pathPrefix;
    int limit = 100;
    // Keyset cursor: rows strictly older than (beforeTime, beforeId).
    qint64 beforeTime = 0;
    QString beforeId;
};

class AccessLogRepository
{
public:
    explicit AccessLogRepository(Database &db)
        : m_db(db)
    {}

    // One transaction for the whole batch.
    Outcome<Done> insert(const QList<AccessLogRecord> &records);
    // Newest first; up to limit + 1 rows.
    Outcome<QList<AccessLogRecord>> query(const AccessLogQuery &query);
    Outcome<int> pruneBefore(qint64 time);

private:
    Database &m_db;
};

} // namespace hearth
