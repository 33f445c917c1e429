#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <optional>

namespace hearth {

enum class Role { User, Admin };

inline QString roleName(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("user");
}
inline Role roleFromName(const QString &name)
{
    return name == QLatin1String("admin") ? Role::Admin : Role::User;
}

struct User
{
    QString id;
    QString email;
    QString name;
    QString avatar;
    QString passwordHash;
    Role role = Role::User;
    bool disabled = false;
    int tokenVersion = 0; // bumped to invalidate every access token at once
    qint64 createdAt = 0;
    qint64 lastLoginAt = 0;
    std::optional<qint64> dailyTokenQuota; // none: the server default applies
    std::optional<qint64> monthlyTokenQuota;
    std::optional<qint64> storageQuotaBytes; // attachments; none: the server default
};

struct Conversation
{
    QString id;
    QString userId;
    QString title;
    QJsonObject metadata;
    QString model;
    QString systemPrompt;
    bool pinned = false;
    bool archived = false;
    int messageCount = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct TokenUsage
{
    int promptTokens = 0;
    int completionTokens = 0; // reasoning included
    int totalTokens = 0;
    bool estimated = false;
    int reasoningTokens = 0; // of completionTokens, as the provider reported or estimated
};

namespace FinishReason {
inline const QString Streaming = QStringLiteral("streaming"); // reply still being produced
inline const QString Stop = QStringLiteral("stop");
inline const QString Length = QStringLiteral("length");
inline const QString Cancelled = QStringLiteral("cancelled");     // client went away
inline const QString Error = QStringLiteral("error");             // upstream failed mid-reply
inline const QString Interrupted = QStringLiteral("interrupted"); // server stopped mid-reply
} // namespace FinishReason

struct Message
{
    QString id;
    QString conversationId;
    QString role;
    QString content;
    QString model;
    QString finishReason;
    std::optional<TokenUsage> usage;
    qint64 createdAt = 0;
    // What a reasoning model thought before answering, kept apart from
    // `content` and never sent back upstream; how long it thought.
    QString reasoning;
    qint64 reasoningMs = 0;
};

} // namespace hearth
