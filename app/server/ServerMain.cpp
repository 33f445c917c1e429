#include "ServerMain.h"

#include "CommandLine.h"
#include "LogSetup.h"
#include "SignalQuit.h"

#include "api/HearthServer.h"
#include "api/cli/DbCommands.h"
#include "api/cli/UserCommands.h"
#include "core/Version.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLoggingCategory>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QStandardPaths>
#include <QtCore/QTextStream>

#include <cstdio>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcServerMain, "hearth.server")

namespace hearth {

namespace {

ConfigLayer environmentLayer()
{
    ConfigLayer layer;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : knownConfigKeys()) {
        if (env.contains(key))
            layer.insert(key, env.value(key));
    }
    return layer;
}

} // namespace

int runServerMain(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hearth"));
    QCoreApplication::setApplicationVersion(version());
    logAsText();
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);

    const CommandLine cli = parseCommandLine(QCoreApplication::arguments());
    if (!cli.error.isEmpty()) {
        err << cli.error << "\n\n" << cli.helpText;
        return 2;
    }
    if (cli.showHelp) {
        out << cli.helpText << '\n' << userCommandUsage() << dbCommandUsage();
        return 0;
    }
    if (cli.showVersion) {
        out << "hearth-server " << version() << '\n';
        return 0;
    }

    const QString defaultDataDir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const ConfigResult config = resolveConfig(cli.settings, environmentLayer(), defaultDataDir);
    if (!config.errors.isEmpty()) {
        for (const QString &e : config.errors)
            err << "Configuration error: " << e << '\n';
        return 2;
    }

    if (const QString problem = setUpLogging(config.config.logFormat, config.config.logLevel);
        !problem.isEmpty()) {
        err << "Configuration error: " << problem << '\n';
        return 2;
    }
    if (!cli.command.isEmpty()) {
        if (cli.command.first() == QLatin1String("user"))
            return runUserCommand(config.config, cli.command.mid(1), out, err, in);
        if (cli.command.first() == QLatin1String("db"))
            return runDbCommand(config.config, cli.command.mid(1), out, err,
                                isatty(fileno(stderr)));
        err << "Unknown command \"" << cli.command.first() << "\".\n\n" << cli.helpText;
        return 2;
    }

    HearthServer server(config.config);
    QString error;
    if (!server.start(&error)) {
        err << "Hearth could not start: " << error << '\n';
        return 1;
    }
    // A person at a console reads these on stdout; a log collector gets
    // nothing but JSON lines.
    const bool jsonLogs = config.config.logFormat == QLatin1String("json");
    const auto announce = [&out, jsonLogs](const QString &text) {
        if (jsonLogs)
            qCInfo(lcServerMain).noquote() << text;
        else
            out << text << Qt::endl;
    };
    announce(QStringLiteral("Hearth %1 is serving on %2 (data in %3)")
                 .arg(version(), server.baseUrl(), config.config.dataDir));
    // The first signal stops accepting and lets replies in flight finish
    // (HEARTH_SHUTDOWN_GRACE); a second one does not wait.
    QObject::connect(&server, &HearthServer::stopped, &app, &QCoreApplication::quit);
    onTerminationSignals([&](int count) {
        if (count > 1) {
            QCoreApplication::quit();
            return;
        }
        announce(QStringLiteral("Stopping: waiting up to %1 s for replies in flight (again to "
                                "stop at once)")
                     .arg(config.config.shutdownGraceSec));
        server.shutdown(config.config.shutdownGraceSec * 1000);
    });
    return app.exec();
}

} // namespace hearth
