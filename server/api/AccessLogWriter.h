#pragma once

#include "http/Responder.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

namespace hearth {

struct ServerContext;
struct AccessLogRecord;

// Keeps the access log in the database (the admin's /v1/admin/logs) and on
// the console. Rows are written in batches, one transaction per batch, so
// logging costs a request no database write of its own.
class AccessLogWriter final : public QObject
{
    Q_OBJECT
public:
    AccessLogWriter(ServerContext &context, bool console, QObject *parent = nullptr);
    ~AccessLogWriter() override;

    void log(const AccessLogEntry &entry);
    void flush();

private:
    void write();

    ServerContext &m_context;
    bool m_console;
    QList<AccessLogRecord> m_pending;
    QTimer m_timer;
};

} // namespace hearth
