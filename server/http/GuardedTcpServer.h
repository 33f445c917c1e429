#pragma once

#include "http/HttpOptions.h"

#include <QtNetwork/QTcpServer>

namespace hearth {

// Creates each connection's socket itself so that a ConnectionGuard is
// attached before QtHttpServer connects to it, and refuses connections over
// the configured cap with 503 instead of queueing them.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(const HttpOptions &options, QObject *parent = nullptr);
    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpOptions m_options;
    int m_open = 0;
};

} // namespace hearth
