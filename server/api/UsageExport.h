#pragma once

#include "http/Responder.h"
#include "storage/UsageRepository.h"

#include <QtCore/QObject>

namespace hearth {

struct ServerContext;

// Streams ledger rows as CSV, one page of rows per event-loop turn, so a
// million-row export never holds the server thread (or memory) for long.
// Waits while the client is slow to read. Deletes itself when done.
class UsageExport final : public QObject
{
    Q_OBJECT
public:
    UsageExport(ServerContext &context, UsageRecordQuery query, ResponderPtr responder,
                QObject *parent);
    void start();

    static QByteArray csvHeader();
    static QByteArray csvLine(const UsageRecordRow &row);

private:
    void nextPage();

    ServerContext &m_context;
    UsageRecordQuery m_query;
    ResponderPtr m_responder;
};

} // namespace hearth
