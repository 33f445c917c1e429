#include "DesktopCommandLine.h"

#include <QtCore/QCommandLineParser>

namespace hearth {

namespace {

// The options QGuiApplication and QApplication take themselves (Qt 6.4's
// documentation of both classes): accepted here, hidden from --help.
QList<QCommandLineOption> qtOptions()
{
    QList<QCommandLineOption> options;
    const char *const withValue[] = {"platform",    "platformpluginpath", "platformtheme",
                                     "plugin",      "qmljsdebugger",      "qwindowgeometry",
                                     "qwindowicon", "qwindowtitle",       "session",
                                     "display",     "geometry",           "style",
                                     "stylesheet"};
    for (const char *name : withValue)
        options << QCommandLineOption(QString::fromLatin1(name), {}, QStringLiteral("value"));
    for (const char *name : {"reverse", "widgetcount", "nograb", "dograb", "sync"})
        options << QCommandLineOption(QString::fromLatin1(name));
    for (QCommandLineOption &option : options)
        option.setFlags(QCommandLineOption::HiddenFromHelp);
    return options;
}

struct DesktopOptions
{
    QCommandLineOption help;
    QCommandLineOption version;
};

DesktopOptions describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Hearth: AI chat on your desktop. The window talks to a Hearth server on this\n"
        "computer (started with it) or to another Hearth on the network.\n\n"
        "  hearth --headless [hearth-server options and commands]\n"
        "                      run the server without a window (see its --help)\n\n"
        "Qt's own options (-platform, -style, -reverse, ...) are passed on to Qt.\n"
        "Settings: the README, or hearth --headless --help."));
    // Qt writes its options with one dash (-platform xcb): one-dash words
    // are long options here too.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    DesktopOptions options{parser.addHelpOption(), parser.addVersionOption()};
    parser.addOption({QStringLiteral("headless"),
                      QStringLiteral("Run the server without a window, as hearth-server.")});
    parser.addOptions(qtOptions());
    return options;
}

} // namespace

DesktopCommandLine parseDesktopCommandLine(const QStringList &arguments)
{
    // hearth --headless is hearth-server, options and commands alike.
    if (arguments.contains(QLatin1String("--headless")))
        return {DesktopCommandLine::Action::RunHeadless, {}};

    QCommandLineParser parser;
    const DesktopOptions options = describeOptions(parser);
    DesktopCommandLine result;
    if (!parser.parse(arguments)) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error = parser.errorText();
    } else if (parser.isSet(options.help)) {
        result.action = DesktopCommandLine::Action::ShowHelp;
    } else if (parser.isSet(options.version)) {
        result.action = DesktopCommandLine::Action::ShowVersion;
    } else if (!parser.positionalArguments().isEmpty()) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error = QStringLiteral("Unexpected argument '%1'; hearth takes only options.")
                           .arg(parser.positionalArguments().first());
    }
    return result;
}

QString desktopHelpText()
{
    QCommandLineParser parser;
    describeOptions(parser);
    return parser.helpText();
}

} // namespace hearth
