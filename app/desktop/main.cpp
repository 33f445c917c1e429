// hearth: the desktop app. The embedded server runs on its own thread; the
// window talks to it only over HTTP, like any other client. Wiring only.
#include "DesktopCommandLine.h"
#include "DesktopShell.h"
#include "SingleInstance.h"

#include "../server/ServerMain.h"
#include "app/ConversationSidebar.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/SystemColorScheme.h"
#include "app/Theme.h"
#include "core/Config.h"
#include "core/Version.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

#include <cstdio>

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

// --help, --version or a mistake: printed without any window system.
int answerCommandLine(const DesktopCommandLine &cli, int argc, char *argv[])
{
    const QCoreApplication app(argc, argv); // names the program in --help
    switch (cli.action) {
    case DesktopCommandLine::Action::ShowVersion:
        std::printf("hearth %s\n", qPrintable(version()));
        return 0;
    case DesktopCommandLine::Action::ShowHelp:
        std::printf("%s", qPrintable(desktopHelpText()));
        return 0;
    default:
        std::fprintf(stderr, "%s\n\n%s", qPrintable(cli.error), qPrintable(desktopHelpText()));
        return 2;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // Decided before QApplication, which aborts without a display: --help
    // and --version answer anywhere, as hearth-server's do.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const DesktopCommandLine cli = parseDesktopCommandLine(arguments);
    if (cli.action == DesktopCommandLine::Action::RunHeadless)
        return runServerMain(argc, argv); // exactly hearth-server
    if (cli.action != DesktopCommandLine::Action::RunWindow)
        return answerCommandLine(cli, argc, argv);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hearth"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hearth"));
    QApplication::setApplicationVersion(version());
    QApplication::setOrganizationName(QStringLiteral("hearth"));
    const QSettings preferences;
    ui::installLanguage(preferences.value(QStringLiteral("appearance/language")).toString());
    ui::applyTheme(preferences.value(QStringLiteral("appearance/theme")).toString());
    // "System" follows the desktop's light or dark, also when it changes.
    auto *colorScheme = new ui::SystemColorScheme(&app);
    QObject::connect(colorScheme, &ui::SystemColorScheme::changed, &app, &ui::setSystemPrefersDark);
    colorScheme->start();

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

    // Closing the window may leave Hearth serving the network (KeepServingGuard).
    QApplication::setQuitOnLastWindowClosed(false);
    DesktopShell shell(config.config);
    QObject::connect(&instance, &SingleInstance::activationRequested, &shell,
                     &DesktopShell::activate);
    // For the start-up benchmark: report and leave once the list is shown.
    if (qEnvironmentVariableIsSet("HEARTH_STARTUP_REPORT")) {
        QObject::connect(&shell, &DesktopShell::windowShown, &app, [&](ui::MainWindow *window) {
            QObject::connect(window->sidebar(), &ui::ConversationSidebar::loaded, &app, [&] {
                std::printf("window with conversation list after %lld ms, RSS %lld MiB\n",
                            sinceStart.elapsed(), residentKiB() / 1024);
                std::fflush(stdout);
                QApplication::quit();
            });
        });
    }
    shell.start();
    return app.exec();
}
