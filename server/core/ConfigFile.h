#pragma once

#include <QtCore/QHash>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace hearth {

// The config file uses the environment's names, one `KEY=VALUE` a line, so a
// container's env file and the desktop's file read alike. Blank lines and
// lines starting with '#' are ignored; values may be wrapped in quotes.
struct ConfigFileContents
{
    QHash<QString, QString> values;
    QStringList errors; // "line 3: expected KEY=VALUE"
};

ConfigFileContents parseConfigText(const QString &text);
ConfigFileContents readConfigFile(const QString &path);

} // namespace hearth
