#include "DesktopServer.h"

#include "api/HearthServer.h"

#include <QtNetwork/QHostAddress>

namespace hearth {

DesktopServer::DesktopServer(ServerConfig config)
    : m_config(std::move(config))
{}

DesktopServer::~DesktopServer() = default;

void DesktopServer::start()
{
    // Shared on the network from the start: HTTPS, as share() would turn on.
    ServerConfig config = m_config;
    const QHostAddress host(config.host);
    if (!host.isNull() && !host.isLoopback() && config.tlsMode.isEmpty() &&
        config.tlsCert.isEmpty())
        config.tlsMode = QStringLiteral("self-signed");
    m_server = std::make_unique<HearthServer>(config);
    QString error;
    if (!m_server->start(&error)) {
        m_server.reset();
        emit failed(error);
        return;
    }
    const QJsonObject session = m_server->ownerSession(&error);
    if (session.isEmpty()) {
        emit failed(error);
        return;
    }
    emit ready(m_server->baseUrl(), session, m_server->tlsFingerprint());
}

void DesktopServer::share(bool on, quint16 port)
{
    if (!m_server)
        return;
    QString error;
    // The network gets HTTPS (this machine's certificate unless one was
    // configured); this computer alone, plain HTTP on loopback.
    const bool moved =
        on ? m_server->listenOn(QStringLiteral("0.0.0.0"), port, &error,
                                HearthServer::Tls::SelfSigned)
           : m_server->listenOn(QStringLiteral("127.0.0.1"), 0, &error, HearthServer::Tls::Plain);
    const bool shared = moved ? on : !on;
    emit sharingChanged(shared, m_server->port(), m_server->baseUrl(), error,
                        m_server->tlsFingerprint());
}

void DesktopServer::stop()
{
    if (!m_server) {
        emit stopped();
        return;
    }
    // As hearth-server on SIGTERM: replies other devices are receiving may
    // finish within the grace period. Queued: the server is not deleted
    // from inside its own signal.
    connect(
        m_server.get(), &HearthServer::stopped, this,
        [this] {
            m_server.reset();
            emit stopped();
        },
        Qt::QueuedConnection);
    m_server->shutdown(m_config.shutdownGraceSec * 1000);
}

} // namespace hearth
