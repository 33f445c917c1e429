#pragma once

#include <QtCore/QString>

namespace hearth::ui {

// Models write formulas as TeX: $…$ and \(…\) inline, $$…$$ and \[…\] on
// lines of their own. Markdown would eat their underscores and backslashes
// ("$a_1 + b_1$" turns italic, "\(" loses its backslash), so inline
// formulas become code spans, which Markdown leaves exactly as written.
// A dollar opens a formula only before a non-space and closes one only
// after a non-space when no digit follows ("$5 and $10" is money), and
// existing code spans are left alone.
QString protectInlineMath(const QString &markdown);

// Whether `line` opens a displayed formula ("$$" or "\["), and whether the
// formula also ends on it; `close` is then "$$" or "\]".
bool opensDisplayMath(const QString &line, QString *close, bool *endsHere);

} // namespace hearth::ui
