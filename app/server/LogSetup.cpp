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

// What Qt's message pattern "%{time yyyy-MM-ddTHH:mm:ss.zzz} level category:
// message" gives, without formatting the local time afresh for every line
// (and checking /etc/localtime to do so): that was a twentieth of the work of
// a relayed call, whose access-log line this is. The seconds are formatted
// once a second per thread.
void writeText(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    thread_local qint64 second = -1;
    thread_local QByteArray stamp;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now / 1000 != second) {
        second = now / 1000;
        stamp = QDateTime::fromSecsSinceEpoch(second)
                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                    .toLatin1();
    }
    const int ms = int(now % 1000);
    const QByteArray text = message.toUtf8();
    const char *category = context.category ? context.category : "default";
    QByteArray line;
    line.reserve(stamp.size() + text.size() + qsizetype(std::strlen(category)) + 20);
    line += stamp;
    line += '.';
    line += char('0' + ms / 100);
    line += char('0' + ms / 10 % 10);
    line += char('0' + ms % 10);
    line += ' ';
    line += levelName(type);
    line += ' ';
    line += category;
    line += ": ";
    line += text;
    line += '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void logAsText()
{
    qInstallMessageHandler(writeText);
}

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
    else if (format.isEmpty() || format == QLatin1String("text"))
        logAsText();
    else
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
