// hearth: the desktop app. The embedded server runs on its own thread; the
// window talks to it only over HTTP, like any other client. Wiring only.
#include "DesktopServer.h"
#include "SingleInstance.h"

#include "../server/ServerMain.h"
#include "app/ConversationSidebar.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/SettingsPage.h"
#include "app/SharingBox.h"
#include "app/Theme.h"
#include "client/ApiConnection.h"
#include "core/Config.h"
#include "core/Version.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

#include <cstdio>
#include <cstring>
#include <functional>

using namespace hearth;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return runServerMain(argc, argv); // exactly hearth-server
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hearth"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hearth"));
    QApplication::setApplicationVersion(version());
    QApplication::setOrganizationName(QStringLiteral("hearth"));
    const QSettings preferences;
    ui::installLanguage(preferences.value(QStringLiteral("appearance/language")).toString());
    ui::applyTheme(preferences.value(QStringLiteral("appearance/theme")).toString());

    ConfigLayer environment;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : knownConfigKeys()) {
        if (env.contains(key))
            environment.insert(key, env.value(key));
    }
    // The desktop's server listens on this computer only, on any free port,
    // unless sharing on the network was switched on (or the environment says).
    const bool shareAtStart = preferences.value(QStringLiteral("sharing/enabled")).toBool();
    const QString sharedPort = preferences.value(QStringLiteral("sharing/port"), 8080).toString();
    if (!environment.contains(QStringLiteral("SERVER_HOST")) && shareAtStart)
        environment.insert(QStringLiteral("SERVER_HOST"), QStringLiteral("0.0.0.0"));
    if (!environment.contains(QStringLiteral("SERVER_PORT")))
        environment.insert(QStringLiteral("SERVER_PORT"),
                           shareAtStart ? sharedPort : QStringLiteral("0"));
    const ConfigResult config = resolveConfig(
        {}, environment, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    if (!config.errors.isEmpty()) {
        QMessageBox::critical(nullptr, QObject::tr("Hearth"),
                              config.errors.join(QLatin1Char('\n')));
        return 2;
    }

    // A second launch on the same data folder brings the first to the front.
    SingleInstance instance(config.config.dataDir);
    if (!instance.claim())
        return 0;

    QThread serverThread;
    serverThread.setObjectName(QStringLiteral("hearth-server"));
    auto *server = new DesktopServer(config.config);
    server->moveToThread(&serverThread);
    QObject::connect(&serverThread, &QThread::started, server, &DesktopServer::start);
    // Direct: the main thread is blocked in wait() by then; quit() is thread-safe.
    QObject::connect(server, &DesktopServer::stopped, &serverThread, &QThread::quit,
                     Qt::DirectConnection);
    QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);

    std::unique_ptr<client::ApiConnection> api;
    std::unique_ptr<ui::MainWindow> window;
    bool shared = config.config.host != QLatin1String("127.0.0.1") &&
                  config.config.host != QLatin1String("localhost");
    // Built at start and again in another language; the server stays.
    std::function<void()> showWindow = [&] {
        window = std::make_unique<ui::MainWindow>(*api);
        ui::SharingBox *sharing = window->settings()->sharing();
        sharing->show();
        sharing->showState(shared, quint16(QUrl(api->baseUrl()).port()), {});
        QObject::connect(sharing, &ui::SharingBox::sharingRequested, server, &DesktopServer::share);
        QObject::connect(window->settings(), &ui::SettingsPage::languageChosen, &app,
                         [&](const QString &language) {
                             ui::installLanguage(language);
                             // Rebuild after this signal returns: it came from the old window.
                             QMetaObject::invokeMethod(
                                 &app,
                                 [&] {
                                     showWindow();
                                     window->showSettings();
                                 },
                                 Qt::QueuedConnection);
                         });
        window->show();
    };
    QObject::connect(&instance, &SingleInstance::activationRequested, &app, [&] {
        if (!window)
            return;
        window->showNormal();
        window->raise();
        window->activateWindow();
    });
    QObject::connect(
        server, &DesktopServer::sharingChanged, &app,
        [&](bool nowShared, quint16 port, const QString &baseUrl, const QString &error) {
            shared = nowShared;
            api->setBaseUrl(QUrl(baseUrl));
            if (error.isEmpty()) {
                QSettings stored;
                stored.setValue(QStringLiteral("sharing/enabled"), nowShared);
                if (nowShared)
                    stored.setValue(QStringLiteral("sharing/port"), port);
            }
            if (window)
                window->settings()->sharing()->showState(nowShared, port, error);
        });
    QObject::connect(
        server, &DesktopServer::ready, &app,
        [&](const QString &baseUrl, const QJsonObject &session) {
            api = std::make_unique<client::ApiConnection>(QUrl(baseUrl));
            api->setSession(session);
            showWindow();
            // For the start-up benchmark: report and leave once the list is shown.
            if (qEnvironmentVariableIsSet("HEARTH_STARTUP_REPORT")) {
                QObject::connect(window->sidebar(), &ui::ConversationSidebar::loaded, &app, [&] {
                    std::printf("window with conversation list after %lld ms, RSS %lld MiB\n",
                                sinceStart.elapsed(), residentKiB() / 1024);
                    std::fflush(stdout);
                    QApplication::quit();
                });
            }
        });
    QObject::connect(server, &DesktopServer::failed, &app, [](const QString &error) {
        QMessageBox::critical(nullptr, QObject::tr("Hearth"),
                              QObject::tr("Hearth could not start its server:\n%1").arg(error));
        QApplication::exit(1);
    });
    QObject::connect(&app, &QApplication::aboutToQuit, server, &DesktopServer::stop);
    serverThread.start();
    const int code = app.exec();
    window.reset();
    api.reset();
    serverThread.wait(); // the server thread ends after its stop() ran
    return code;
}
