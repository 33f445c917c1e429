#include "app/MarkdownSegments.h"

namespace hearth::ui {

namespace {

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

} // namespace

QList<MarkdownSegment> splitMarkdown(const QString &markdown)
{
    QList<MarkdownSegment> segments;
    MarkdownSegment current;
    QStringList lines;
    Fence open;
    bool inCode = false;
    auto flush = [&] {
        current.text = lines.join(QLatin1Char('\n'));
        if (current.code || !current.text.trimmed().isEmpty())
            segments << current;
        lines.clear();
        current = {};
    };
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (!inCode) {
            Fence fence;
            if (readFence(line, fence)) {
                flush();
                current.code = true;
                current.language = fence.info;
                open = fence;
                inCode = true;
            } else {
                lines << line;
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
