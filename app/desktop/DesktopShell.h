#pragma once

#include "core/Config.h"

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QThread>

#include <memory>

namespace hearth {

namespace client {
class ApiConnection;
class TokenVault;
} // namespace client
namespace ui {
class MainWindow;
}
class DesktopServer;
class KeepServingGuard;

// The desktop app's pieces and how they meet: the embedded server on its
// own thread (started when "this computer" is used), or a remote Hearth
// signed in to with a token kept in the system keychain; the window built
// over whichever connection is in use (again on a language change or a
// switch); sharing on the network; and the question on closing while shared.
class DesktopShell final : public QObject
{
    Q_OBJECT
public:
    explicit DesktopShell(ServerConfig config, QObject *parent = nullptr);
    ~DesktopShell() override;

    // Uses the connection chosen last time (this computer by default).
    void start();
    // A second launch: bring the window back.
    void activate();
    ui::MainWindow *window() const { return m_window.get(); }

signals:
    void windowShown(hearth::ui::MainWindow *window);

private:
    void startLocal();
    void resumeRemote(const QString &url, const QString &email);
    void askForRemote(const QString &url, const QString &email, const QString &note);
    void rememberRemote(client::ApiConnection &api);
    void useLocal();
    void use(client::ApiConnection *api);
    void showWindow();
    void showConnection();
    QString remoteEmail() const;

    ServerConfig m_config;
    QThread m_serverThread;
    DesktopServer *m_server = nullptr; // lives on m_serverThread
    std::unique_ptr<client::ApiConnection> m_localApi;
    std::unique_ptr<client::ApiConnection> m_remoteApi;
    client::ApiConnection *m_api = nullptr; // the one in use
    std::unique_ptr<ui::MainWindow> m_window;
    client::TokenVault *m_vault;
    KeepServingGuard *m_guard;
    bool m_shared = false;
    QString m_tlsFingerprint; // of the local server while it is shared over HTTPS
    QString m_vaultNote;      // why the sign-in could not be kept, if so
};

} // namespace hearth
