#include "http/GuardedTcpServer.h"

#include "http/Responder.h"

#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

namespace hearth {

GuardedTcpServer::GuardedTcpServer(const HttpOptions &options,
                                   ConnectionGuard::RequestHandler handler, QObject *parent)
    : QTcpServer(parent)
    , m_options(options)
    , m_handler(std::move(handler))
    , m_uncapped(options.trustedProxies)
{
    setListenBacklogSize(qMax(1024, options.maxConnections));
}

void GuardedTcpServer::refuseConnection(QTcpSocket *socket, const QByteArray &message)
{
    if (m_options.tls) {
        socket->abort(); // no handshake yet to say why over
        socket->deleteLater();
        return;
    }
    socket->write(Responder::errorResponse(503, "SERVICE_UNAVAILABLE", message));
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_options.tls) {
        auto *tls = new QSslSocket(this);
        tls->setSslConfiguration(*m_options.tls);
        socket = tls;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Small SSE chunks must leave at once, not wait for Nagle's algorithm.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_open >= m_options.maxConnections) {
        refuseConnection(socket, "The server has too many open connections");
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    const bool capped = !m_uncapped.contains(peer);
    if (capped && m_perAddress.value(peer) >= m_options.maxConnectionsPerAddress) {
        refuseConnection(socket, "Too many open connections from your address");
        return;
    }
    ++m_open;
    if (capped)
        ++m_perAddress[peer];
    connect(socket, &QObject::destroyed, this, [this, peer, capped] {
        --m_open;
        if (capped && --m_perAddress[peer] <= 0)
            m_perAddress.remove(peer);
    });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    new ConnectionGuard(socket, m_options, m_handler);
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        tls->startServerEncryption();
}

} // namespace hearth
