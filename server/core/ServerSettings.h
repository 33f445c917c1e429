#pragma once

#include "core/Outcome.h"

#include <QtCore/QJsonObject>
#include <QtCore/QStringList>
#include <QtCore/QTimeZone>

#include <optional>

namespace hearth {

struct RateLimits
{
    std::optional<int> perMinute;
    std::optional<int> perDay;
    std::optional<int> perWeek;
    bool any() const { return perMinute || perDay || perWeek; }
};

// A user's limits: tokens per day and month, and the bytes their
// attachments may take. None: no limit (or, on a user, the server default).
struct TokenQuota
{
    std::optional<qint64> dailyTokens;
    std::optional<qint64> monthlyTokens;
    std::optional<qint64> storageBytes;
};

// Settings the admin changes at run time. Those also set in the environment
// are "locked": the environment wins and the admin sees why.
struct ServerSettings
{
    RateLimits chatRateLimit{5, std::nullopt, std::nullopt}; // the original's 5 per minute
    TokenQuota defaultQuota;
    QString defaultModel;
    bool signupEnabled = false;
    QString timeZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    int logRetentionDays = 30;
    QStringList locked;

    QTimeZone zone() const;
    QJsonObject toJson() const;
};

// "5/minute,100/day,1000/week" or "off"; nullopt when malformed.
std::optional<RateLimits> parseRateLimits(const QString &text);

QJsonObject rateLimitsJson(const RateLimits &limits);
QJsonObject quotaJson(const TokenQuota &quota);

// Reads {perMinute, perDay, perWeek} / {dailyTokens, monthlyTokens, storageBytes} fields
// (null clears one); records problems as "<field>.<key> must …".
RateLimits readRateLimits(const QJsonObject &json, RateLimits base, const QString &field,
                          QStringList &errors);
TokenQuota readQuota(const QJsonObject &json, TokenQuota base, const QString &field,
                     QStringList &errors);

} // namespace hearth
