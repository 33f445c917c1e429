#pragma once

#include <QtCore/QString>

namespace hearth {

// Splits a provider's reply into its reasoning and its answer while the
// deltas arrive. Reasoning comes in one of three forms: DeepSeek's
// `reasoning_content` field, the `reasoning` field some servers use (both fed
// through feedReasoning), or `<think>…</think>` at the start of the content
// (Qwen3 and R1 distills through Ollama or llama.cpp). A tag may be cut
// anywhere across deltas; a reply may never close it, or have no reasoning
// at all. A `<think>` later in the answer is the answer's text.
class ReasoningSplitter final
{
public:
    struct Pieces
    {
        QString reasoning;
        QString content;
        bool isEmpty() const { return reasoning.isEmpty() && content.isEmpty(); }
    };

    Pieces feedReasoning(const QString &text);
    Pieces feedContent(const QString &text);
    // The reply has ended: what was held back in case it began a tag.
    Pieces finish();

private:
    enum class State { Start, Thinking, Answer };
    State m_state = State::Start;
    // Text that may be the beginning of "<think>" or "</think>".
    QString m_held;
    // Right after "</think>": the blank lines before the answer are dropped.
    bool m_afterClose = false;
};

} // namespace hearth
