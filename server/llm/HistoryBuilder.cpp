#include "llm/HistoryBuilder.h"

#include "core/TokenEstimator.h"

namespace hearth {

QList<ChatMessage> buildHistory(const QString &systemPrompt, const QList<Message> &conversation,
                                int contextTokens, int replyReserveTokens,
                                const QHash<QString, QList<ChatPart>> &parts)
{
    constexpr int perMessageOverhead = 4;
    int budget = contextTokens - replyReserveTokens;
    if (!systemPrompt.isEmpty())
        budget -= estimateTokens(systemPrompt) + perMessageOverhead;

    QList<ChatMessage> kept;
    for (qsizetype i = conversation.size() - 1; i >= 0; --i) {
        const Message &m = conversation.at(i);
        const bool usable =
            (m.role == QLatin1String("user") || m.role == QLatin1String("assistant")) &&
            (!m.content.isEmpty() || parts.contains(m.id)) &&
            m.finishReason != FinishReason::Streaming;
        if (!usable)
            continue;
        const QList<ChatPart> attached = parts.value(m.id);
        int cost = estimateTokens(m.content) + perMessageOverhead;
        for (const ChatPart &part : attached)
            cost += part.imageUrl.isEmpty() ? estimateTokens(part.text) : estimatedImageTokens;
        if (!kept.isEmpty() && cost > budget)
            break;
        budget -= cost;
        // Turns alternate, as reasoning models insist (DeepSeek's reasoner
        // refuses two user messages in a row): a question whose reply
        // failed before it said anything joins the next one.
        if (!kept.isEmpty() && kept.first().role == m.role) {
            if (!m.content.isEmpty())
                kept.first().content.prepend(m.content + QStringLiteral("\n\n"));
            kept.first().parts = attached + kept.first().parts;
        } else {
            kept.prepend(ChatMessage{m.role, m.content, attached});
        }
    }
    // The conversation starts with a question, however much was cut.
    while (kept.size() > 1 && kept.first().role != QLatin1String("user"))
        kept.removeFirst();
    if (!systemPrompt.isEmpty())
        kept.prepend(ChatMessage{QStringLiteral("system"), systemPrompt});
    return kept;
}

} // namespace hearth
