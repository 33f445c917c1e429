#include "llm/ReasoningSplitter.h"

#include <utility>

namespace hearth {

namespace {

const QString openTag = QStringLiteral("<think>");
const QString closeTag = QStringLiteral("</think>");

// How many characters at the end of `text` could begin `tag`.
qsizetype partialTagAtEnd(const QString &text, const QString &tag)
{
    for (qsizetype length = qMin(text.size(), tag.size() - 1); length > 0; --length) {
        if (QStringView(text).right(length) == QStringView(tag).left(length))
            return length;
    }
    return 0;
}

qsizetype leadingSpace(const QString &text)
{
    qsizetype count = 0;
    while (count < text.size() && text.at(count).isSpace())
        ++count;
    return count;
}

} // namespace

ReasoningSplitter::Pieces ReasoningSplitter::feedReasoning(const QString &text)
{
    // A reasoning field says outright that this is reasoning; content that
    // follows is the answer even if it starts with a tag.
    Pieces pieces;
    if (m_state == State::Start) {
        m_state = State::Answer;
        pieces.content = std::exchange(m_held, QString());
    }
    pieces.reasoning = text;
    return pieces;
}

ReasoningSplitter::Pieces ReasoningSplitter::feedContent(const QString &text)
{
    Pieces pieces;
    QString input = m_held + text;
    m_held.clear();
    while (!input.isEmpty()) {
        switch (m_state) {
        case State::Start: {
            // Only a tag at the very start (after blank space) opens reasoning.
            const qsizetype blank = leadingSpace(input);
            const QStringView rest = QStringView(input).mid(blank);
            if (rest.startsWith(openTag)) {
                m_state = State::Thinking;
                input = input.mid(blank + openTag.size());
                continue;
            }
            if (QStringView(openTag).startsWith(rest)) {
                m_held = input; // blank so far, or the tag's beginning
                return pieces;
            }
            m_state = State::Answer;
            continue;
        }
        case State::Thinking: {
            const qsizetype close = input.indexOf(closeTag);
            if (close >= 0) {
                pieces.reasoning += input.left(close);
                input = input.mid(close + closeTag.size());
                m_state = State::Answer;
                m_afterClose = true;
                continue;
            }
            const qsizetype partial = partialTagAtEnd(input, closeTag);
            pieces.reasoning += input.left(input.size() - partial);
            m_held = input.right(partial);
            return pieces;
        }
        case State::Answer:
            if (m_afterClose) {
                input = input.mid(leadingSpace(input));
                if (input.isEmpty())
                    return pieces;
                m_afterClose = false;
            }
            pieces.content += input;
            return pieces;
        }
    }
    return pieces;
}

ReasoningSplitter::Pieces ReasoningSplitter::finish()
{
    Pieces pieces;
    if (m_state == State::Thinking)
        pieces.reasoning = m_held; // never closed: all of it was reasoning
    else if (!m_afterClose)
        pieces.content = m_held; // "<thi" and nothing more is an answer
    m_held.clear();
    return pieces;
}

} // namespace hearth
