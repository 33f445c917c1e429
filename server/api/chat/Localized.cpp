#include "api/chat/Localized.h"

#include <QtCore/QList>

namespace hearth {

namespace {

QString englishDuration(int seconds)
{
    if (seconds < 120)
        return seconds == 1 ? QStringLiteral("1 second")
                            : QStringLiteral("%1 seconds").arg(seconds);
    if (seconds < 7200)
        return QStringLiteral("%1 minutes").arg((seconds + 59) / 60);
    return QStringLiteral("%1 hours").arg((seconds + 3599) / 3600);
}

QString chineseDuration(int seconds)
{
    if (seconds < 120)
        return QStringLiteral("%1 秒").arg(seconds);
    if (seconds < 7200)
        return QStringLiteral("%1 分钟").arg((seconds + 59) / 60);
    return QStringLiteral("%1 小时").arg((seconds + 3599) / 3600);
}

} // namespace

Language preferredLanguage(const QByteArray &acceptLanguage)
{
    // The first listed language decides; q-weights are rarely out of order.
    const QByteArray first =
        acceptLanguage.split(',').value(0).split(';').value(0).trimmed().toLower();
    return first.startsWith("zh") ? Language::Chinese : Language::English;
}

QString rateLimitedMessage(Language language, int limit, LimitWindow window, int retryAfterSeconds)
{
    if (language == Language::Chinese) {
        const QString span = window == LimitWindow::Minute ? QStringLiteral("每分钟")
                             : window == LimitWindow::Day  ? QStringLiteral("每天")
                                                           : QStringLiteral("每周");
        return QStringLiteral("发送太频繁了：%1最多发送 %2 条消息。请在 %3后再试。")
            .arg(span)
            .arg(limit)
            .arg(chineseDuration(retryAfterSeconds));
    }
    const QString span = window == LimitWindow::Minute ? QStringLiteral("a minute")
                         : window == LimitWindow::Day  ? QStringLiteral("a day")
                                                       : QStringLiteral("a week");
    return QStringLiteral("You can send up to %1 messages in %2. Please try again in %3.")
        .arg(limit)
        .arg(span, englishDuration(retryAfterSeconds));
}

QString quotaExceededMessage(Language language, qint64 quota, bool monthly, int retryAfterSeconds)
{
    if (language == Language::Chinese)
        return QStringLiteral("已用完%1的 %2 个 token 额度。额度将在 %3后恢复。")
            .arg(monthly ? QStringLiteral("本月") : QStringLiteral("今天"))
            .arg(quota)
            .arg(chineseDuration(retryAfterSeconds));
    return QStringLiteral("You have used your %1 quota of %2 tokens. It renews in %3.")
        .arg(monthly ? QStringLiteral("monthly") : QStringLiteral("daily"))
        .arg(quota)
        .arg(englishDuration(retryAfterSeconds));
}

} // namespace hearth
