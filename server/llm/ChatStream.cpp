#include "llm/ChatStream.h"

#include "core/TokenEstimator.h"

namespace hearth {

void ChatStream::emitDelta(const QString &text)
{
    if (text.isEmpty())
        return;
    m_produced = true;
    emit delta(text);
}

TokenUsage estimateUsage(const ChatRequest &request, const QString &reply)
{
    TokenUsage usage;
    for (const ChatMessage &message : request.messages)
        usage.promptTokens += estimateTokens(message.content) + 4; // role and framing
    usage.completionTokens = estimateTokens(reply);
    usage.totalTokens = usage.promptTokens + usage.completionTokens;
    usage.estimated = true;
    return usage;
}

} // namespace hearth
