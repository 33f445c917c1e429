#include "DesktopShell.h"

#include "DesktopServer.h"
#include "KeepServingGuard.h"

#include "app/BringToFront.h"
#include "app/ChatPanel.h"
#include "app/Composer.h"
#include "app/ConnectDialog.h"
#include "app/ConnectionBox.h"
#include "app/ConversationSidebar.h"
#include "app/FormDialog.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/SettingsPage.h"
#include "app/SharingBox.h"
#include "client/ApiConnection.h"
#include "client/TokenVault.h"

#include <QtCore/QSettings>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

namespace hearth {

namespace {
const QString modeKey = QStringLiteral("connection/mode");
const QString urlKey = QStringLiteral("connection/url");
const QString emailKey = QStringLiteral("connection/email");
// The SHA-256 of the server's own certificate, trusted on first use.
const QString certificateKey = QStringLiteral("connection/certificate");
const QString remoteMode = QStringLiteral("remote");

QString pinnedCertificateFor(const QString &url)
{
    const QSettings settings;
    return settings.value(urlKey).toString() == url ? settings.value(certificateKey).toString()
                                                    : QString();
}
} // namespace

DesktopShell::DesktopShell(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_vault(new client::TokenVault(QStringLiteral("Hearth"), this))
    , m_guard(new KeepServingGuard([this] { return m_shared && m_api == m_localApi.get(); }, this))
{
    m_shared =
        m_config.host != QLatin1String("127.0.0.1") && m_config.host != QLatin1String("localhost");
    m_guard->setActions(
        [this] {
            if (m_window)
                m_window->chat()->startNew();
        },
        [this] {
            if (m_server)
                QMetaObject::invokeMethod(
                    m_server, [server = m_server] { server->share(false, 0); },
                    Qt::QueuedConnection);
        });
    m_serverThread.setObjectName(QStringLiteral("hearth-server"));
}

DesktopShell::~DesktopShell()
{
    m_window.reset();
    m_remoteApi.reset();
    m_localApi.reset();
    if (m_serverThread.isRunning()) {
        QMetaObject::invokeMethod(m_server, &DesktopServer::stop, Qt::QueuedConnection);
        m_serverThread.wait(); // the event loop has ended: nothing left to block
    }
}

void DesktopShell::start()
{
    const QSettings settings;
    if (settings.value(modeKey).toString() == remoteMode)
        resumeRemote(settings.value(urlKey).toString(), settings.value(emailKey).toString());
    else
        startLocal();
}

void DesktopShell::activate()
{
    if (!m_window)
        return;
    ui::bringToFront(m_window.get());
}

void DesktopShell::startLocal()
{
    if (m_localApi) {
        use(m_localApi.get());
        return;
    }
    if (m_server)
        return; // starting; ready() follows
    m_server = new DesktopServer(m_config);
    m_server->moveToThread(&m_serverThread);
    connect(&m_serverThread, &QThread::started, m_server, &DesktopServer::start);
    // Direct: quit() is thread-safe, and the main thread may be in wait() by then.
    connect(m_server, &DesktopServer::stopped, &m_serverThread, &QThread::quit,
            Qt::DirectConnection);
    connect(&m_serverThread, &QThread::finished, m_server, &QObject::deleteLater);
    connect(m_server, &DesktopServer::ready, this,
            [this](const QString &baseUrl, const QJsonObject &session, const QString &fingerprint) {
                m_localApi = std::make_unique<client::ApiConnection>(QUrl(baseUrl));
                m_localApi->setPinnedCertificate(fingerprint);
                m_tlsFingerprint = fingerprint;
                m_localApi->setSession(session);
                use(m_localApi.get());
            });
    connect(m_server, &DesktopServer::failed, this, [](const QString &error) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("DesktopShell", "Hearth"),
            QCoreApplication::translate("DesktopShell", "Hearth could not start its server:\n%1")
                .arg(error));
        QApplication::exit(1);
    });
    connect(m_server, &DesktopServer::sharingChanged, this,
            [this](bool nowShared, quint16 port, const QString &baseUrl, const QString &error,
                   const QString &fingerprint) {
                m_shared = nowShared;
                m_tlsFingerprint = fingerprint;
                if (m_localApi) {
                    m_localApi->setPinnedCertificate(fingerprint);
                    m_localApi->setBaseUrl(QUrl(baseUrl));
                }
                if (error.isEmpty()) {
                    QSettings stored;
                    stored.setValue(QStringLiteral("sharing/enabled"), nowShared);
                    if (nowShared)
                        stored.setValue(QStringLiteral("sharing/port"), port);
                }
                if (m_window) {
                    m_window->settings()->sharing()->showState(nowShared, port, error, fingerprint);
                    m_window->settings()->sharing()->setLocalUrl(m_localApi->baseUrl().toString());
                }
            });
    m_serverThread.start();
}

void DesktopShell::resumeRemote(const QString &url, const QString &email)
{
    const QString account = client::TokenVault::account(url, email);
    m_vault->read(account, this, [this, url, email](const QString &token, const QString &error) {
        if (token.isEmpty()) {
            askForRemote(url, email, error);
            return;
        }
        // A child of the shell until it is taken, so a shell closed meanwhile leaks nothing.
        auto *pending = new client::ApiConnection(QUrl(url), this);
        pending->setPinnedCertificate(pinnedCertificateFor(url));
        connect(pending->resume(token), &client::ApiCall::finished, this,
                [this, pending, url, email](const client::ApiResult &result) {
                    if (!result.ok()) {
                        // Later: the call reporting this belongs to it.
                        pending->deleteLater();
                        askForRemote(url, email, tr("Please sign in again: %1").arg(result.error));
                        return;
                    }
                    pending->setParent(nullptr);
                    std::unique_ptr<client::ApiConnection> owned(pending);
                    rememberRemote(*owned);
                    m_remoteApi.swap(owned);
                    use(m_remoteApi.get());
                });
    });
}

void DesktopShell::askForRemote(const QString &url, const QString &email, const QString &note)
{
    ui::FormDialog *dialog =
        ui::openConnectDialog(m_window.get(), url, email, note, pinnedCertificateFor(url),
                              [this](std::unique_ptr<client::ApiConnection> api) {
                                  rememberRemote(*api);
                                  std::unique_ptr<client::ApiConnection> previous =
                                      std::move(m_remoteApi);
                                  m_remoteApi = std::move(api);
                                  use(m_remoteApi.get());
                              });
    // Cancelled before any window exists: this computer's server, then.
    connect(dialog, &QDialog::rejected, this, [this] {
        if (!m_window)
            startLocal();
    });
}

void DesktopShell::rememberRemote(client::ApiConnection &api)
{
    const QString url = api.baseUrl().toString();
    const QString email = api.user().value(QLatin1String("email")).toString();
    QSettings settings;
    settings.setValue(modeKey, remoteMode);
    settings.setValue(urlKey, url);
    settings.setValue(emailKey, email);
    if (api.pinnedCertificate().isEmpty())
        settings.remove(certificateKey);
    else
        settings.setValue(certificateKey, api.pinnedCertificate());
    const QString account = client::TokenVault::account(url, email);
    auto keep = [this, account](const QString &token) {
        m_vault->write(account, token, this, [this](const QString &error) {
            m_vaultNote =
                error.isEmpty()
                    ? QString()
                    : tr("%1 You will be asked for your password at the next start.").arg(error);
            showConnection();
        });
    };
    keep(api.refreshToken());
    connect(&api, &client::ApiConnection::refreshTokenChanged, this, keep);
    connect(&api, &client::ApiConnection::sessionEnded, this, [this, url, email](const QString &) {
        askForRemote(url, email,
                     tr("Your sign-in on %1 has ended. Please sign in again.").arg(url));
    });
}

void DesktopShell::useLocal()
{
    if (m_remoteApi) {
        // Revoke this login on the server (on a connection of its own: the
        // window keeps using this one until its replacement is ready) and
        // forget its token here.
        const QUrl url = m_remoteApi->baseUrl();
        auto *goodbye = new client::ApiConnection(url, this);
        goodbye->setPinnedCertificate(m_remoteApi->pinnedCertificate());
        goodbye->setSession({{QStringLiteral("refreshToken"), m_remoteApi->refreshToken()}});
        connect(goodbye->logout(), &client::ApiCall::finished, goodbye, &QObject::deleteLater);
        m_vault->remove(client::TokenVault::account(url.toString(), remoteEmail()), this,
                        [](const QString &) {});
        disconnect(m_remoteApi.get(), nullptr, this, nullptr); // no more token keeping
    }
    QSettings().setValue(modeKey, QStringLiteral("local"));
    startLocal();
}

QString DesktopShell::remoteEmail() const
{
    return m_remoteApi ? m_remoteApi->user().value(QLatin1String("email")).toString() : QString();
}

void DesktopShell::use(client::ApiConnection *api)
{
    m_api = api;
    showWindow();
    // The remote connection is dropped once its window is gone.
    if (api != m_remoteApi.get() && m_remoteApi)
        m_remoteApi.reset();
}

void DesktopShell::showWindow()
{
    const bool wasShown = m_window != nullptr;
    m_window = std::make_unique<ui::MainWindow>(*m_api);
    m_window->rememberLayout();
    m_guard->watch(m_window.get());
    ui::SettingsPage *settings = m_window->settings();
    ui::SharingBox *sharing = settings->sharing();
    const bool local = m_api == m_localApi.get();
    sharing->setVisible(local);
    if (local) {
        sharing->showState(m_shared, quint16(m_api->baseUrl().port()), {}, m_tlsFingerprint);
        sharing->setLocalUrl(m_api->baseUrl().toString());
        connect(sharing, &ui::SharingBox::sharingRequested, m_server, &DesktopServer::share);
    }
    showConnection();
    connect(settings->connection(), &ui::ConnectionBox::connectRequested, this, [this] {
        const QSettings stored;
        askForRemote(stored.value(urlKey).toString(), stored.value(emailKey).toString(), {});
    });
    connect(settings->connection(), &ui::ConnectionBox::localRequested, this,
            &DesktopShell::useLocal);
    connect(settings, &ui::SettingsPage::languageChosen, this, [this](const QString &language) {
        ui::installLanguage(language);
        // Rebuilt after this signal returns: it came from the old window. The
        // open conversation, the draft and the window's place carry over.
        QMetaObject::invokeMethod(
            this,
            [this] {
                const QString conversationId = m_window->chat()->conversationId();
                const QJsonObject conversation = m_window->chat()->conversation();
                const QString draft = m_window->chat()->composer()->toPlainText();
                const QRect geometry = m_window->geometry();
                showWindow();
                m_window->setGeometry(geometry);
                if (!conversationId.isEmpty()) {
                    m_window->chat()->open(conversationId, conversation);
                    m_window->sidebar()->select(conversationId); // highlighted once listed
                }
                m_window->chat()->composer()->setPlainText(draft);
                m_window->showSettings();
            },
            Qt::QueuedConnection);
    });
    m_window->show();
    if (wasShown)
        m_window->showSettings(); // a switch is made from Settings
    emit windowShown(m_window.get());
}

void DesktopShell::showConnection()
{
    if (!m_window)
        return;
    const bool remote = m_api && m_api == m_remoteApi.get();
    m_window->settings()->connection()->showConnection(
        remote, remote ? m_api->baseUrl().toString() : QString(), remoteEmail(),
        remote ? m_vaultNote : QString());
}

} // namespace hearth
