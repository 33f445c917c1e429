#include "llm/ChatStream.h"

#include "core/TokenEstimator.h"

#include <QtCore/QJsonArray>

namespace hearth {

void ChatStream::emitDelta(const QString &text)
{
    if (text.isEmpty())
        return;
    m_produced = true;
    emit delta(text);
}

void ChatStream::emitReasoning(const QString &text)
{
    if (text.isEmpty())
        return;
    m_produced = true;
    emit reasoning(text);
}

void ChatStream::emitChunkEnd(const QJsonObject &extras, const QJsonValue &logprobs)
{
    if (!extras.isEmpty())
        m_produced = true;
    m_extraText += extras.value(QLatin1String("refusal")).toString() + toolCallText(extras);
    emit chunkEnded(extras, logprobs);
}

QString toolCallText(const QJsonObject &message)
{
    QString text;
    for (const QJsonValue &call : message.value(QLatin1String("tool_calls")).toArray())
        text += call.toObject()
                    .value(QLatin1String("function"))
                    .toObject()
                    .value(QLatin1String("arguments"))
                    .toString();
    return text;
}

TokenUsage estimateUsage(const ChatRequest &request, const QString &reply, const QString &reasoning)
{
    TokenUsage usage;
    for (const ChatMessage &message : request.messages) {
        usage.promptTokens += estimateTokens(message.content) + 4; // role and framing
        for (const ChatPart &part : message.parts)
            usage.promptTokens +=
                part.imageUrl.isEmpty() ? estimateTokens(part.text) : estimatedImageTokens;
    }
    usage.promptTokens += request.extraPromptTokens;
    usage.reasoningTokens = estimateTokens(reasoning);
    usage.completionTokens = estimateTokens(reply) + usage.reasoningTokens;
    usage.totalTokens = usage.promptTokens + usage.completionTokens;
    usage.estimated = true;
    return usage;
}

} // namespace hearth
