#include "DesktopServer.h"

#include "api/HearthServer.h"

namespace hearth {

DesktopServer::DesktopServer(ServerConfig config)
    : m_config(std::move(config))
{}

DesktopServer::~DesktopServer() = default;

void DesktopServer::start()
{
    m_server = std::make_unique<HearthServer>(m_config);
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
    emit ready(m_server->baseUrl(), session);
}

void DesktopServer::stop()
{
    m_server.reset();
    emit stopped();
}

} // namespace hearth
