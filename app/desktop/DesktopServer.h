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
    // Shares the server on the local network (all addresses, `port`) or
    // takes it back to this computer only (127.0.0.1, any free port).
    void share(bool on, quint16 port);

signals:
    // tlsFingerprint: the certificate the window must trust (HTTPS), or empty.
    void ready(const QString &baseUrl, const QJsonObject &ownerSession,
               const QString &tlsFingerprint);
    // After share(): where the window now reaches the server, or why not.
    void sharingChanged(bool shared, quint16 port, const QString &baseUrl, const QString &error,
                        const QString &tlsFingerprint);
    void failed(const QString &error);
    void stopped();

private:
    ServerConfig m_config;
    std::unique_ptr<HearthServer> m_server;
};

} // namespace hearth
