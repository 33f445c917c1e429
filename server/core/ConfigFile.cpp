#include "core/ConfigFile.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>

namespace hearth {

ConfigFileContents parseConfigText(const QString &text)
{
    static const QRegularExpression keyPattern(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    ConfigFileContents contents;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const QString key = line.left(eq).trimmed();
        if (eq <= 0 || !keyPattern.match(key).hasMatch()) {
            contents.errors << QStringLiteral("line %1: expected KEY=VALUE").arg(i + 1);
            continue;
        }
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 &&
            (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\'')) &&
            value.back() == value.front())
            value = value.mid(1, value.size() - 2);
        contents.values.insert(key, value);
    }
    return contents;
}

ConfigFileContents readConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        ConfigFileContents failed;
        failed.errors << QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return failed;
    }
    return parseConfigText(QString::fromUtf8(file.readAll()));
}

} // namespace hearth
