#include "api/JsonViews.h"

#include "core/TimeFormat.h"
#include "llm/ChatTypes.h"
#include "storage/ApiKeyRepository.h"
#include "storage/AttachmentRepository.h"
#include "storage/UsageRepository.h"

namespace hearth {

QJsonObject meJson(const User &u)
{
    return {{QStringLiteral("id"), u.id},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("name"), u.name},
            {QStringLiteral("avatar"), u.avatar},
            {QStringLiteral("role"), roleName(u.role)},
            {QStringLiteral("createdAt"), toRfc3339(u.createdAt)}};
}

QJsonObject conversationJson(const Conversation &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("createdAt"), toRfc3339(c.createdAt)},
            {QStringLiteral("updatedAt"), toRfc3339(c.updatedAt)},
            {QStringLiteral("messageCount"), c.messageCount},
            {QStringLiteral("metadata"), c.metadata},
            {QStringLiteral("model"), c.model},
            {QStringLiteral("systemPrompt"), c.systemPrompt},
            {QStringLiteral("pinned"), c.pinned},
            {QStringLiteral("archived"), c.archived}};
}

QJsonObject usageJson(const TokenUsage &usage)
{
    QJsonObject json{{QStringLiteral("promptTokens"), usage.promptTokens},
                     {QStringLiteral("completionTokens"), usage.completionTokens},
                     {QStringLiteral("totalTokens"), usage.totalTokens}};
    if (usage.estimated)
        json.insert(QStringLiteral("estimated"), true);
    if (usage.reasoningTokens > 0)
        json.insert(QStringLiteral("reasoningTokens"), usage.reasoningTokens);
    return json;
}

QJsonObject messageJson(const Message &m)
{
    QJsonObject json{{QStringLiteral("id"), m.id},
                     {QStringLiteral("role"), m.role},
                     {QStringLiteral("content"), m.content},
                     {QStringLiteral("createdAt"), toRfc3339(m.createdAt)},
                     {QStringLiteral("model"), m.model},
                     {QStringLiteral("finishReason"),
                      m.finishReason.isEmpty() ? QJsonValue() : QJsonValue(m.finishReason)}};
    if (m.usage)
        json.insert(QStringLiteral("usage"), usageJson(*m.usage));
    // Only replies that reasoned have these: other clients see the
    // original's shape.
    if (!m.reasoning.isEmpty()) {
        json.insert(QStringLiteral("reasoning"), m.reasoning);
        json.insert(QStringLiteral("reasoningMs"), double(m.reasoningMs));
    }
    return json;
}

QJsonObject modelJson(const ModelInfo &m)
{
    QJsonObject json{{QStringLiteral("id"), m.id},
                     {QStringLiteral("object"), QStringLiteral("model")},
                     {QStringLiteral("created"), m.created},
                     {QStringLiteral("owned_by"), m.ownedBy},
                     {QStringLiteral("name"), m.name.isEmpty() ? m.id : m.name},
                     {QStringLiteral("description"), m.description},
                     {QStringLiteral("available"), m.available},
                     {QStringLiteral("provider"), m.provider}};
    json.insert(QStringLiteral("context"), m.context > 0 ? QJsonValue(m.context) : QJsonValue());
    json.insert(QStringLiteral("maxTokens"),
                m.maxTokens > 0 ? QJsonValue(m.maxTokens) : QJsonValue());
    json.insert(QStringLiteral("vision"), m.vision ? QJsonValue(*m.vision) : QJsonValue());
    return json;
}

QJsonObject adminUserJson(const User &u)
{
    QJsonObject json = meJson(u);
    json.insert(QStringLiteral("disabled"), u.disabled);
    json.insert(QStringLiteral("lastLoginAt"),
                u.lastLoginAt ? QJsonValue(toRfc3339(u.lastLoginAt)) : QJsonValue());
    json.insert(
        QStringLiteral("quota"),
        QJsonObject{{QStringLiteral("dailyTokens"),
                     u.dailyTokenQuota ? QJsonValue(double(*u.dailyTokenQuota)) : QJsonValue()},
                    {QStringLiteral("monthlyTokens"),
                     u.monthlyTokenQuota ? QJsonValue(double(*u.monthlyTokenQuota)) : QJsonValue()},
                    {QStringLiteral("storageBytes"), u.storageQuotaBytes
                                                         ? QJsonValue(double(*u.storageQuotaBytes))
                                                         : QJsonValue()}});
    return json;
}

QJsonObject usageTotalsJson(const UsageTotals &t)
{
    return {{QStringLiteral("requests"), double(t.requests)},
            {QStringLiteral("promptTokens"), double(t.promptTokens)},
            {QStringLiteral("completionTokens"), double(t.completionTokens)},
            {QStringLiteral("totalTokens"), double(t.totalTokens)}};
}

QJsonObject usageRecordJson(const UsageRecordRow &row)
{
    const UsageRecord &r = row.record;
    return {
        {QStringLiteral("id"), r.id},
        {QStringLiteral("userId"), r.userId.isEmpty() ? QJsonValue() : QJsonValue(r.userId)},
        {QStringLiteral("userEmail"), row.userEmail},
        {QStringLiteral("apiKeyId"), r.apiKeyId.isEmpty() ? QJsonValue() : QJsonValue(r.apiKeyId)},
        {QStringLiteral("provider"), r.provider},
        {QStringLiteral("model"), r.model},
        {QStringLiteral("promptTokens"), r.usage.promptTokens},
        {QStringLiteral("completionTokens"), r.usage.completionTokens},
        {QStringLiteral("totalTokens"), r.usage.totalTokens},
        {QStringLiteral("reasoningTokens"), r.usage.reasoningTokens},
        {QStringLiteral("estimated"), r.usage.estimated},
        {QStringLiteral("latencyMs"), double(r.latencyMs)},
        {QStringLiteral("status"), r.status},
        {QStringLiteral("createdAt"), toRfc3339(r.createdAt)}};
}

QJsonObject apiKeyJson(const ApiKeyRecord &k)
{
    return {{QStringLiteral("id"), k.id},
            {QStringLiteral("name"), k.name},
            {QStringLiteral("prefix"), k.prefix},
            {QStringLiteral("createdAt"), toRfc3339(k.createdAt)},
            {QStringLiteral("lastUsedAt"),
             k.lastUsedAt ? QJsonValue(toRfc3339(k.lastUsedAt)) : QJsonValue()}};
}

QJsonObject attachmentJson(const AttachmentRecord &a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("mediaType"), QString::fromUtf8(a.mediaType)},
            {QStringLiteral("kind"), a.kind},
            {QStringLiteral("size"), a.size},
            {QStringLiteral("sha256"), QString::fromLatin1(a.sha256)},
            {QStringLiteral("url"), QStringLiteral("/v1/attachments/%1/content").arg(a.id)},
            {QStringLiteral("thumbnailUrl"),
             a.kind == QLatin1String("image")
                 ? QJsonValue(QStringLiteral("/v1/attachments/%1/thumbnail").arg(a.id))
                 : QJsonValue()},
            {QStringLiteral("characters"),
             a.kind == QLatin1String("document") ? QJsonValue(a.characters) : QJsonValue()},
            {QStringLiteral("conversationId"),
             a.conversationId.isEmpty() ? QJsonValue() : QJsonValue(a.conversationId)},
            {QStringLiteral("createdAt"), toRfc3339(a.createdAt)}};
}

QJsonObject attachmentJson(const AttachmentRecord &attachment, qsizetype maxCharacters)
{
    QJsonObject json = attachmentJson(attachment);
    if (attachment.kind == QLatin1String("document") && attachment.characters > maxCharacters)
        json.insert(QStringLiteral("charactersSent"), maxCharacters);
    return json;
}

QJsonObject messageJson(const Message &message, const QList<AttachmentRecord> &attachments,
                        qsizetype maxCharacters)
{
    QJsonObject json = messageJson(message);
    if (attachments.isEmpty())
        return json;
    QJsonArray array;
    for (const AttachmentRecord &a : attachments)
        array.append(attachmentJson(a, maxCharacters));
    json.insert(QStringLiteral("attachments"), array);
    return json;
}

} // namespace hearth
