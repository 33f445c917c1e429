#include "CommandLine.h"

#include <QtCore/QCommandLineParser>

namespace hearth {

CommandLine parseCommandLine(const QStringList &arguments)
{
    struct Mapped
    {
        QCommandLineOption option;
        const char *key;
    };
    const QList<Mapped> mapped{
        {{QStringLiteral("host"), QStringLiteral("Address to listen on (SERVER_HOST)."),
          QStringLiteral("address")},
         "SERVER_HOST"},
        {{QStringLiteral("port"), QStringLiteral("Port to listen on, 0 for any (SERVER_PORT)."),
          QStringLiteral("port")},
         "SERVER_PORT"},
        {{QStringLiteral("data-dir"),
          QStringLiteral("Folder for the database and secrets (HEARTH_DATA_DIR)."),
          QStringLiteral("folder")},
         "HEARTH_DATA_DIR"},
        {{QStringLiteral("config"),
          QStringLiteral("Config file of KEY=VALUE lines (HEARTH_CONFIG)."),
          QStringLiteral("file")},
         "HEARTH_CONFIG"},
        {{QStringLiteral("db-path"), QStringLiteral("SQLite database file (HEARTH_DB_PATH)."),
          QStringLiteral("file")},
         "HEARTH_DB_PATH"},
    };
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Hearth server: the /v1 chat API with accounts, conversations and streaming replies.\n\n"
        "Commands:\n"
        "  (none)          run the server\n"
        "  user …          manage accounts: user add|list|passwd|disable|enable\n\n"
        "Every option can also be set in the environment or in the config file under the\n"
        "name in brackets; the command line wins over the environment, which wins over\n"
        "the file. See the README for all settings."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addOption({QStringLiteral("headless"),
                      QStringLiteral("(hearth only) run the server without a window.")});
    for (const Mapped &m : mapped)
        parser.addOption(m.option);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional command."),
                                 QStringLiteral("[command …]"));

    CommandLine result;
    result.helpText = parser.helpText();
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    result.showHelp = parser.isSet(help);
    result.showVersion = parser.isSet(version);
    for (const Mapped &m : mapped) {
        if (parser.isSet(m.option))
            result.settings.insert(QLatin1String(m.key), parser.value(m.option));
    }
    result.command = parser.positionalArguments();
    return result;
}

} // namespace hearth
