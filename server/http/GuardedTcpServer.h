#pragma once

#include "http/ConnectionGuard.h"
#include "http/HttpOptions.h"
#include "http/SubnetList.h"

#include <QtCore/QHash>
#include <QtNetwork/QTcpServer>

namespace hearth {

// Accepts connections and gives each its ConnectionGuard, which reads and
// frames the requests. Refuses connections over the total or the
// per-address cap with 503 instead of queueing them (addresses of trusted
// proxies have no per-address cap: every client behind them shares it).
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(const HttpOptions &options, ConnectionGuard::RequestHandler handler,
                     QObject *parent = nullptr);
    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuseConnection(QTcpSocket *socket, const QByteArray &message);

    HttpOptions m_options;
    ConnectionGuard::RequestHandler m_handler;
    SubnetList m_uncapped;
    QHash<QHostAddress, int> m_perAddress;
    int m_open = 0;
};

} // namespace hearth
