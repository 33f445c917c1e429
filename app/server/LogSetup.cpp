#include "LogSetup.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QStringList>

#include <cstdio>

namespace hearth {

namespace {

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void writeJson(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QJsonObject line{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), QLatin1String(levelName(type))},
        {QStringLiteral("category"),
         QLatin1String(context.category ? context.category : "default")},
        {QStringLiteral("message"), message}};
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

QString setUpLogging(const QString &format, const QString &level)
{
    const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"),
                             QStringLiteral("warning"), QStringLiteral("error")};
    const QString chosenLevel = level.isEmpty() ? QStringLiteral("info") : level.toLower();
    const qsizetype rank = levels.indexOf(chosenLevel);
    if (rank < 0)
        return QStringLiteral("LOG_LEVEL must be debug, info, warning or error");
    if (format == QLatin1String("json"))
        qInstallMessageHandler(writeJson);
    else if (!format.isEmpty() && format != QLatin1String("text"))
        return QStringLiteral("LOG_FORMAT must be text or json");
    // Everything below the chosen level is off (QT_LOGGING_RULES still wins).
    QStringList rules;
    const QStringList qtNames{QStringLiteral("debug"), QStringLiteral("info"),
                              QStringLiteral("warning"), QStringLiteral("critical")};
    for (qsizetype i = 0; i < rank; ++i)
        rules << QStringLiteral("*.%1=false").arg(qtNames.at(i));
    QLoggingCategory::setFilterRules(rules.join(QLatin1Char('\n')));
    return {};
}

} // namespace hearth
