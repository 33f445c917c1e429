#include "app/MathSpans.h"

namespace hearth::ui {

namespace {

// A code span holding `tex` exactly: fenced by more backticks than it has
// in a row, padded when it starts or ends with one.
QString codeSpan(const QString &tex)
{
    int longest = 0;
    int run = 0;
    for (const QChar c : tex) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(longest + 1, QLatin1Char('`'));
    const bool pad = tex.startsWith(QLatin1Char('`')) || tex.endsWith(QLatin1Char('`'));
    const QString space = pad ? QStringLiteral(" ") : QString();
    return fence + space + tex + space + fence;
}

// Where the inline formula starting at `from` ends (just past it), or -1.
qsizetype formulaEnd(const QString &text, qsizetype from)
{
    if (text.mid(from, 2) == QLatin1String("\\(")) {
        const qsizetype close = text.indexOf(QLatin1String("\\)"), from + 2);
        return close < 0 ? -1 : close + 2;
    }
    if (text.at(from) != QLatin1Char('$') || from + 1 >= text.size())
        return -1;
    const bool display = text.at(from + 1) == QLatin1Char('$');
    const qsizetype start = from + (display ? 2 : 1);
    if (start >= text.size() || text.at(start).isSpace())
        return -1;
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            ++i; // "\$" is a dollar inside the formula
            continue;
        }
        if (c == QLatin1Char('\n') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
            return -1; // formulas do not cross paragraphs
        if (c != QLatin1Char('$') || text.at(i - 1).isSpace())
            continue;
        if (display) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('$'))
                return i + 2;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1).isDigit())
            continue;
        return i + 1;
    }
    return -1;
}

} // namespace

QString protectInlineMath(const QString &markdown)
{
    if (!markdown.contains(QLatin1Char('$')) && !markdown.contains(QLatin1String("\\(")))
        return markdown;
    QString out;
    out.reserve(markdown.size() + 16);
    qsizetype i = 0;
    while (i < markdown.size()) {
        const QChar c = markdown.at(i);
        if (c == QLatin1Char('`')) {
            // An existing code span goes through untouched, fences and all.
            qsizetype run = 0;
            while (i + run < markdown.size() && markdown.at(i + run) == QLatin1Char('`'))
                ++run;
            const QString fence(run, QLatin1Char('`'));
            const qsizetype close = markdown.indexOf(fence, i + run);
            const qsizetype end = close < 0 ? i + run : close + run;
            out += markdown.mid(i, end - i);
            i = end;
            continue;
        }
        if (c == QLatin1Char('\\') && i + 1 < markdown.size() &&
            markdown.at(i + 1) == QLatin1Char('$')) {
            out += markdown.mid(i, 2); // an escaped dollar stays a dollar
            i += 2;
            continue;
        }
        if (c == QLatin1Char('$') || (c == QLatin1Char('\\') && i + 1 < markdown.size() &&
                                      markdown.at(i + 1) == QLatin1Char('('))) {
            const qsizetype end = formulaEnd(markdown, i);
            if (end > 0) {
                out += codeSpan(markdown.mid(i, end - i));
                i = end;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

bool opensDisplayMath(const QString &line, QString *close, bool *endsHere)
{
    const QString trimmed = line.trimmed();
    if (trimmed.startsWith(QLatin1String("$$")))
        *close = QStringLiteral("$$");
    else if (trimmed.startsWith(QLatin1String("\\[")))
        *close = QStringLiteral("\\]");
    else
        return false;
    // "$$x$$ and more" is a formula inside a sentence: left to the inline rules.
    const qsizetype end = trimmed.indexOf(*close, 2);
    if (end >= 0 && end + close->size() != trimmed.size())
        return false;
    *endsHere = end >= 0;
    return true;
}

} // namespace hearth::ui
