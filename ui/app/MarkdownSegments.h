#pragma once

#include <QtCore/QList>
#include <QtCore/QString>

namespace hearth::ui {

// A message's Markdown cut into prose and fenced code blocks, so each code
// block can get its own monospace view with a copy button while the prose
// keeps Qt's Markdown rendering.
struct MarkdownSegment
{
    bool code = false;
    QString language; // the fence's info word, for code
    QString text;     // Markdown for prose; the code itself, without fences
    bool operator==(const MarkdownSegment &other) const
    {
        return code == other.code && language == other.language && text == other.text;
    }
};

// The language of a displayed formula ($$…$$ or \[…\] on lines of their
// own), kept as a segment of its own like code, its TeX exactly as written.
inline constexpr char mathLanguage[] = "math";

// Prose longer than about 1,000 characters is cut at a paragraph break
// (never inside a list or a table), so a streaming reply re-renders only its
// last part. Formulas in prose are kept from Markdown (see MathSpans.h). A fence still open at the
// end (a reply being streamed) is a code segment all the same. Fences indented four spaces or more
// belong to the prose.
QList<MarkdownSegment> splitMarkdown(const QString &markdown);

} // namespace hearth::ui
