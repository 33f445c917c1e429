#include "http/GuardedTcpServer.h"

#include "http/ConnectionGuard.h"
#include "http/Responder.h"

#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

namespace hearth {

GuardedTcpServer::GuardedTcpServer(const HttpOptions &options, QObject *parent)
    : QTcpServer(parent)
    , m_options(options)
{
    setListenBacklogSize(1024);
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
    if (m_open >= m_options.maxConnections && m_options.tls) {
        socket->abort(); // no handshake yet to say why over
        socket->deleteLater();
        return;
    }
    if (m_open >= m_options.maxConnections) {
        socket->write(Responder::errorResponse(503, "SERVICE_UNAVAILABLE",
                                               "The server has too many open connections"));
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    new ConnectionGuard(socket, m_options);
    // The HTTP parser reads only decrypted bytes (QSslSocket's readyRead).
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        tls->startServerEncryption();
    addPendingConnection(socket);
}

} // namespace hearth
