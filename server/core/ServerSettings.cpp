#include "core/ServerSettings.h"

#include <QtCore/QJsonArray>

namespace hearth {

namespace {

QJsonValue optionalJson(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue();
}

template<typename Int>
void readOptional(const QJsonObject &json, const char *key, std::optional<Int> &target, qint64 max,
                  const QString &field, QStringList &errors)
{
    const QString name = QLatin1String(key);
    if (!json.contains(name))
        return;
    const QJsonValue value = json.value(name);
    if (value.isNull()) {
        target.reset();
        return;
    }
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d < 1 || d > double(max) || d != qint64(d)) {
        errors << QStringLiteral("%1.%2 must be a whole number from 1 to %3, or null")
                      .arg(field, name)
                      .arg(max);
        return;
    }
    target = Int(d);
}

} // namespace

QTimeZone ServerSettings::zone() const
{
    const QTimeZone tz(timeZone.toUtf8());
    return tz.isValid() ? tz : QTimeZone::systemTimeZone();
}

QJsonObject rateLimitsJson(const RateLimits &l)
{
    return {{QStringLiteral("perMinute"), l.perMinute ? QJsonValue(*l.perMinute) : QJsonValue()},
            {QStringLiteral("perDay"), l.perDay ? QJsonValue(*l.perDay) : QJsonValue()},
            {QStringLiteral("perWeek"), l.perWeek ? QJsonValue(*l.perWeek) : QJsonValue()}};
}

QJsonObject quotaJson(const TokenQuota &q)
{
    return {{QStringLiteral("dailyTokens"), optionalJson(q.dailyTokens)},
            {QStringLiteral("monthlyTokens"), optionalJson(q.monthlyTokens)},
            {QStringLiteral("storageBytes"), optionalJson(q.storageBytes)}};
}

QJsonObject ServerSettings::toJson() const
{
    return {{QStringLiteral("chatRateLimit"), rateLimitsJson(chatRateLimit)},
            {QStringLiteral("defaultQuota"), quotaJson(defaultQuota)},
            {QStringLiteral("defaultModel"), defaultModel},
            {QStringLiteral("signupEnabled"), signupEnabled},
            {QStringLiteral("timeZone"), timeZone},
            {QStringLiteral("logRetentionDays"), logRetentionDays},
            {QStringLiteral("locked"), QJsonArray::fromStringList(locked)}};
}

std::optional<RateLimits> parseRateLimits(const QString &text)
{
    RateLimits limits;
    const QString trimmed = text.trimmed().toLower();
    if (trimmed == QLatin1String("off"))
        return limits;
    for (const QString &part : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList pieces = part.trimmed().split(QLatin1Char('/'));
        bool ok = false;
        const int count = pieces.value(0).trimmed().toInt(&ok);
        if (pieces.size() != 2 || !ok || count < 1)
            return std::nullopt;
        const QString window = pieces[1].trimmed();
        if (window == QLatin1String("minute"))
            limits.perMinute = count;
        else if (window == QLatin1String("day"))
            limits.perDay = count;
        else if (window == QLatin1String("week"))
            limits.perWeek = count;
        else
            return std::nullopt;
    }
    if (!limits.any())
        return std::nullopt;
    return limits;
}

RateLimits readRateLimits(const QJsonObject &json, RateLimits base, const QString &field,
                          QStringList &errors)
{
    readOptional(json, "perMinute", base.perMinute, 1000000, field, errors);
    readOptional(json, "perDay", base.perDay, 1000000, field, errors);
    readOptional(json, "perWeek", base.perWeek, 1000000, field, errors);
    return base;
}

TokenQuota readQuota(const QJsonObject &json, TokenQuota base, const QString &field,
                     QStringList &errors)
{
    readOptional(json, "dailyTokens", base.dailyTokens, qint64(1) << 50, field, errors);
    readOptional(json, "monthlyTokens", base.monthlyTokens, qint64(1) << 50, field, errors);
    readOptional(json, "storageBytes", base.storageBytes, qint64(1) << 50, field, errors);
    return base;
}

} // namespace hearth
