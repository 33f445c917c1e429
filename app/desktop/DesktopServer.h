#pragma once

#include "core/Config.h"

#include <QtCore/QJsonObject>
#include <QtCore/QObject>

#include <memory>

namespace hearth {

class HearthServer;

// Runs the embedded server on its own thread: created there by start(),
// deleted there by stop(). The window only learns its URL and the owner's
// session, through queued signals.
class DesktopServer final : public QObject
{
    Q_OBJECT
public:
    explicit DesktopServer(ServerConfig config);
    ~DesktopServer() override;

public slots:
    void start();
    void stop();

signals:
    void ready(const QString &baseUrl, const QJsonObject &ownerSession);
    void failed(const QString &error);
    void stopped();

private:
    ServerConfig m_config;
    std::unique_ptr<HearthServer> m_server;
};

} // namespace hearth
