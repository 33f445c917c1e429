#pragma once

#include "core/Config.h"

#include <QtCore/QStringList>

namespace hearth {

struct CommandLine
{
    ConfigLayer settings; // --host, --port, … as config keys
    QStringList command;  // e.g. {"user", "add", "--email", …}; empty: run the server
    bool showHelp = false;
    bool showVersion = false;
    QString error;
    QString helpText;
};

CommandLine parseCommandLine(const QStringList &arguments);

} // namespace hearth
