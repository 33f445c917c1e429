#include "app/MarkdownSegments.h"

#include "app/MathSpans.h"

namespace hearth::ui {

namespace {

constexpr qsizetype maxProseSegment = 1000;

struct Fence
{
    QChar mark;
    int length = 0;
    QString info;
};

// "```lang" or "~~~" with at most three spaces before it.
bool readFence(const QString &line, Fence &fence)
{
    int indent = 0;
    while (indent < line.size() && line.at(indent) == QLatin1Char(' '))
        ++indent;
    if (indent > 3 || indent >= line.size())
        return false;
    const QChar mark = line.at(indent);
    if (mark != QLatin1Char('`') && mark != QLatin1Char('~'))
        return false;
    int length = 0;
    while (indent + length < line.size() && line.at(indent + length) == mark)
        ++length;
    if (length < 3)
        return false;
    const QString info = line.mid(indent + length).trimmed();
    if (mark == QLatin1Char('`') && info.contains(QLatin1Char('`')))
        return false; // inline code, not a fence
    fence = {mark, length, info.section(QLatin1Char(' '), 0, 0)};
    return true;
}

bool closes(const QString &line, const Fence &open)
{
    Fence fence;
    return readFence(line, fence) && fence.mark == open.mark && fence.length >= open.length &&
           fence.info.isEmpty();
}

// A new prose segment may start at a line that begins a paragraph of its
// own: not indented (a list item's continuation) and not a list item.
bool startsFreshBlock(const QString &line)
{
    if (line.isEmpty() || line.at(0).isSpace())
        return false;
    if (line.startsWith(QLatin1String("- ")) || line.startsWith(QLatin1String("* ")) ||
        line.startsWith(QLatin1String("+ ")) || line.startsWith(QLatin1Char('|')))
        return false;
    int digits = 0;
    while (digits < line.size() && line.at(digits).isDigit())
        ++digits;
    return !(digits > 0 && digits < line.size() &&
             (line.at(digits) == QLatin1Char('.') || line.at(digits) == QLatin1Char(')')));
}

} // namespace

QList<MarkdownSegment> splitMarkdown(const QString &markdown)
{
    QList<MarkdownSegment> segments;
    MarkdownSegment current;
    QStringList lines;
    Fence open;
    bool inCode = false;
    qsizetype proseLength = 0;
    QString mathClose; // while in a displayed formula: what ends it
    auto flush = [&] {
        current.text = lines.join(QLatin1Char('\n'));
        if (!current.code)
            current.text = protectInlineMath(current.text);
        else if (current.language == QLatin1String(mathLanguage))
            current.text = current.text.trimmed();
        if (current.code || !current.text.trimmed().isEmpty())
            segments << current;
        lines.clear();
        current = {};
    };
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (!mathClose.isEmpty()) {
            const QString trimmed = line.trimmed();
            if (trimmed.endsWith(mathClose)) {
                lines << trimmed.chopped(mathClose.size());
                flush();
                mathClose.clear();
            } else {
                lines << line;
            }
            continue;
        }
        if (!inCode) {
            Fence fence;
            QString close;
            bool endsHere = false;
            if (opensDisplayMath(line, &close, &endsHere)) {
                flush();
                proseLength = 0;
                current.code = true;
                current.language = QLatin1String(mathLanguage);
                const QString inner = line.trimmed().mid(2);
                if (endsHere) {
                    lines << inner.chopped(close.size());
                    flush();
                } else {
                    lines << inner;
                    mathClose = close;
                }
            } else if (readFence(line, fence)) {
                flush();
                proseLength = 0;
                current.code = true;
                current.language = fence.info;
                open = fence;
                inCode = true;
            } else {
                // Long prose is cut at paragraph breaks, so a growing reply
                // re-renders only its last part.
                if (proseLength >= maxProseSegment && !lines.isEmpty() &&
                    lines.constLast().trimmed().isEmpty() && startsFreshBlock(line)) {
                    lines.removeLast();
                    flush();
                    proseLength = 0;
                }
                lines << line;
                proseLength += line.size() + 1;
            }
        } else if (closes(line, open)) {
            flush();
            inCode = false;
        } else {
            lines << line;
        }
    }
    flush();
    return segments;
}

} // namespace hearth::ui
