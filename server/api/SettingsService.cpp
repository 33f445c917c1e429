#include "api/SettingsService.h"

#include "api/ServerContext.h"

#include <QtCore/QJsonDocument>

namespace hearth {

namespace {
constexpr qint64 cacheMs = 2000;

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QJsonValue parsed(const QString &text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]").array().first();
}
} // namespace

SettingsService::SettingsService(ServerContext &context)
    : m_context(context)
{}

QString SettingsService::environmentError() const
{
    const ServerConfig &c = m_context.config;
    if (!c.chatRateLimit.isEmpty() && !parseRateLimits(c.chatRateLimit))
        return QStringLiteral(
            "HEARTH_CHAT_RATE_LIMIT must look like \"5/minute,100/day\" or be \"off\"");
    if (!c.timeZone.isEmpty() && !QTimeZone(c.timeZone.toUtf8()).isValid())
        return QStringLiteral("HEARTH_TIME_ZONE \"%1\" is not a known time zone").arg(c.timeZone);
    return {};
}

void SettingsService::applyEnvironment(ServerSettings &s) const
{
    const ServerConfig &c = m_context.config;
    if (const auto limits = parseRateLimits(c.chatRateLimit);
        limits && !c.chatRateLimit.isEmpty()) {
        s.chatRateLimit = *limits;
        s.locked << QStringLiteral("chatRateLimit");
    }
    if (!c.defaultModel.isEmpty()) {
        s.defaultModel = c.defaultModel;
        s.locked << QStringLiteral("defaultModel");
    }
    if (!c.timeZone.isEmpty()) {
        s.timeZone = c.timeZone;
        s.locked << QStringLiteral("timeZone");
    }
}

Outcome<ServerSettings> SettingsService::load()
{
    const auto stored = m_context.settings.all();
    if (!stored)
        return stored.error();
    ServerSettings s;
    QStringList ignored;
    const QHash<QString, QString> &v = stored.value();
    if (v.contains(QStringLiteral("chatRateLimit"))) {
        s.chatRateLimit = {};
        s.chatRateLimit = readRateLimits(parsed(v[QStringLiteral("chatRateLimit")]).toObject(),
                                         s.chatRateLimit, {}, ignored);
    }
    if (v.contains(QStringLiteral("defaultQuota")))
        s.defaultQuota =
            readQuota(parsed(v[QStringLiteral("defaultQuota")]).toObject(), {}, {}, ignored);
    if (v.contains(QStringLiteral("defaultModel")))
        s.defaultModel = parsed(v[QStringLiteral("defaultModel")]).toString();
    if (v.contains(QStringLiteral("signupEnabled")))
        s.signupEnabled = parsed(v[QStringLiteral("signupEnabled")]).toBool();
    if (v.contains(QStringLiteral("timeZone")))
        s.timeZone = parsed(v[QStringLiteral("timeZone")]).toString();
    if (v.contains(QStringLiteral("logRetentionDays")))
        s.logRetentionDays = parsed(v[QStringLiteral("logRetentionDays")]).toInt(30);
    applyEnvironment(s);
    return s;
}

Outcome<ServerSettings> SettingsService::current()
{
    if (m_cache && m_cacheAge.isValid() && m_cacheAge.elapsed() < cacheMs)
        return *m_cache;
    auto loaded = load();
    if (loaded) {
        m_cache = loaded.value();
        m_cacheAge.start();
    }
    return loaded;
}

Outcome<ServerSettings> SettingsService::update(const QJsonObject &patch)
{
    auto base = load();
    if (!base)
        return base.error();
    ServerSettings s = base.value();
    QStringList errors;
    QStringList lockedAsked; // fields the patch sets that the environment has locked
    QHash<QString, QJsonValue> changes;
    auto touch = [&](const QString &key) {
        if (!patch.contains(key))
            return false;
        if (s.locked.contains(key)) {
            lockedAsked << key;
            return false;
        }
        return true;
    };
    if (touch(QStringLiteral("chatRateLimit"))) {
        const QJsonValue v = patch.value(QStringLiteral("chatRateLimit"));
        if (!v.isObject())
            errors << QStringLiteral("chatRateLimit must be an object");
        else
            changes.insert(QStringLiteral("chatRateLimit"),
                           rateLimitsJson(readRateLimits(v.toObject(), s.chatRateLimit,
                                                         QStringLiteral("chatRateLimit"), errors)));
    }
    if (touch(QStringLiteral("defaultQuota"))) {
        const QJsonValue v = patch.value(QStringLiteral("defaultQuota"));
        if (!v.isObject())
            errors << QStringLiteral("defaultQuota must be an object");
        else
            changes.insert(QStringLiteral("defaultQuota"),
                           quotaJson(readQuota(v.toObject(), s.defaultQuota,
                                               QStringLiteral("defaultQuota"), errors)));
    }
    if (touch(QStringLiteral("defaultModel"))) {
        const QJsonValue v = patch.value(QStringLiteral("defaultModel"));
        if (!v.isString() || v.toString().size() > 200)
            errors << QStringLiteral("defaultModel must be a model id (or \"\" for automatic)");
        else
            changes.insert(QStringLiteral("defaultModel"), v.toString().trimmed());
    }
    if (touch(QStringLiteral("signupEnabled"))) {
        const QJsonValue v = patch.value(QStringLiteral("signupEnabled"));
        if (!v.isBool())
            errors << QStringLiteral("signupEnabled must be true or false");
        else
            changes.insert(QStringLiteral("signupEnabled"), v);
    }
    if (touch(QStringLiteral("timeZone"))) {
        const QJsonValue v = patch.value(QStringLiteral("timeZone"));
        if (!v.isString() || !QTimeZone(v.toString().toUtf8()).isValid())
            errors << QStringLiteral("timeZone must be a time zone such as \"Asia/Shanghai\"");
        else
            changes.insert(QStringLiteral("timeZone"), v);
    }
    if (touch(QStringLiteral("logRetentionDays"))) {
        const QJsonValue v = patch.value(QStringLiteral("logRetentionDays"));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d > 3650 || d != int(d))
            errors << QStringLiteral("logRetentionDays must be a whole number from 1 to 3650");
        else
            changes.insert(QStringLiteral("logRetentionDays"), v);
    }
    if (!lockedAsked.isEmpty() && errors.isEmpty())
        return ApiError::conflict(
            QStringLiteral("Set by the server's environment, so it cannot be changed here: %1")
                .arg(lockedAsked.join(QStringLiteral(", "))));
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const auto stored = m_context.settings.set(it.key(), compact(it.value()));
        if (!stored)
            return stored.error();
    }
    m_cache.reset();
    return current();
}

} // namespace hearth
