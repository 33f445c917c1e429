#pragma once

#include "http/Responder.h"
#include "storage/UsageRepository.h"

#include <QtCore/QObject>

namespace hearth {

struct ServerContext;

// Streams ledger rows as CSV, one page of rows per turn of a DownloadPacer,
// so a million-row export never holds the server thread (or memory) for
// long. Deletes itself when done or when the client left.
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
    bool writeNextPage();

    ServerContext &m_context;
    UsageRecordQuery m_query;
    ResponderPtr m_responder;
};

} // namespace hearth
