#pragma once

#include "core/Domain.h"
#include "llm/ChatTypes.h"

namespace hearth {

// The messages sent upstream for a reply: the system prompt, then as many of
// the newest messages as fit in the model's context after reserving room for
// the reply. The newest message always goes, even if it alone is too long
// (the provider then says so in its own words). Turns alternate, starting
// with a question; a message's reasoning is never sent back.
// `parts`: a message's attachments as content parts, by message id; they
// count towards the budget with their message and go (or not) with it.
QList<ChatMessage> buildHistory(const QString &systemPrompt, const QList<Message> &conversation,
                                int contextTokens, int replyReserveTokens,
                                const QHash<QString, QList<ChatPart>> &parts = {});

} // namespace hearth
