#include "app/CodeView.h"

#include <QtGui/QClipboard>
#include <QtGui/QContextMenuEvent>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtGui/QTextLayout>
#include <QtWidgets/QMenu>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hearth::ui {

namespace {
constexpr int tabColumns = 4;

bool sameRun(const CodeHighlighter::Run &a, const CodeHighlighter::Run &b)
{
    return a.start == b.start && a.length == b.length && a.light == b.light && a.dark == b.dark &&
           a.italic == b.italic && a.bold == b.bold;
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}
} // namespace

CodeView::CodeView(QWidget *parent)
    : QWidget(parent)
{
    setContentsMargins(8, 4, 8, 8);
    setFocusPolicy(Qt::ClickFocus);
    setCursor(Qt::IBeamCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

CodeView::~CodeView() = default;

int CodeView::lineHeight() const
{
    return std::max(1, int(std::ceil(QFontMetricsF(font()).lineSpacing())));
}

qreal CodeView::widthOf(const QString &text) const
{
    if (!text.contains(QLatin1Char('\t')))
        return QFontMetricsF(font()).horizontalAdvance(text);
    QString expanded;
    for (const QChar c : text) {
        if (c == QLatin1Char('\t'))
            expanded += QString(tabColumns - expanded.size() % tabColumns, QLatin1Char(' '));
        else
            expanded += c;
    }
    return QFontMetricsF(font()).horizontalAdvance(expanded);
}

void CodeView::setCode(const QString &code)
{
    if (code == m_code)
        return;
    m_code = code;
    // What a screen reader reads: the label it replaces offered its text.
    setAccessibleDescription(code);
    const QStringList texts = code.split(QLatin1Char('\n'));
    // A streamed block changes its last line and grows: keep the others.
    size_t kept = 0;
    while (kept < m_lines.size() && kept < size_t(texts.size()) &&
           m_lines[kept].text == texts.at(qsizetype(kept)))
        ++kept;
    m_lines.resize(kept);
    int start = kept == 0 ? 0 : m_lines.back().start + int(m_lines.back().text.size()) + 1;
    for (qsizetype i = qsizetype(kept); i < texts.size(); ++i) {
        Line line;
        line.start = start;
        line.text = texts.at(i);
        start += int(line.text.size()) + 1;
        m_lines.push_back(std::move(line));
    }
    measureFrom(kept);
    m_anchor = std::min(m_anchor, int(m_code.size()));
    m_cursor = std::min(m_cursor, int(m_code.size()));
    updateGeometry();
    update();
}

void CodeView::setColours(const QList<CodeHighlighter::Run> &runs)
{
    // Only the lines the changed runs cover (in the old colours or the new)
    // are laid out again.
    qsizetype head = 0;
    while (head < runs.size() && head < m_runs.size() && sameRun(runs.at(head), m_runs.at(head)))
        ++head;
    qsizetype tail = 0;
    while (tail < runs.size() - head && tail < m_runs.size() - head &&
           sameRun(runs.at(runs.size() - 1 - tail), m_runs.at(m_runs.size() - 1 - tail)))
        ++tail;
    int from = std::numeric_limits<int>::max();
    int to = -1;
    const QList<CodeHighlighter::Run> *lists[] = {&runs, &m_runs};
    for (const QList<CodeHighlighter::Run> *list : lists) {
        for (qsizetype i = head; i < list->size() - tail; ++i) {
            from = std::min(from, list->at(i).start);
            to = std::max(to, list->at(i).start + list->at(i).length);
        }
    }
    m_runs = runs;
    if (to < 0)
        return; // the same colours
    for (Line &line : m_lines) {
        if (line.start + line.text.size() >= from && line.start < to)
            line.layout.reset();
    }
    update();
}

void CodeView::measureFrom(size_t first)
{
    for (size_t i = first; i < m_lines.size(); ++i)
        m_lines[i].width = widthOf(m_lines[i].text);
    m_widest = 0;
    for (const Line &line : m_lines)
        m_widest = std::max(m_widest, line.width);
}

bool CodeView::isDark() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

QColor CodeView::colourAt(int position) const
{
    const bool dark = isDark();
    for (const CodeHighlighter::Run &run : m_runs) {
        if (position >= run.start && position < run.start + run.length)
            return dark ? run.dark : run.light;
    }
    return {};
}

void CodeView::forgetLayouts(int fromLine, int toLine)
{
    for (int i = std::max(fromLine, 0); i < toLine && i < int(m_lines.size()); ++i)
        m_lines[size_t(i)].layout.reset();
    update();
}

QTextLayout &CodeView::layoutOf(int index)
{
    Line &line = m_lines[size_t(index)];
    if (line.layout)
        return *line.layout;
    line.layout = std::make_unique<QTextLayout>(line.text, font());
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    option.setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(QLatin1Char(' ')) *
                              tabColumns);
    line.layout->setTextOption(option);
    // The runs that reach into this line, cut to it.
    const bool dark = isDark();
    const int lineEnd = line.start + int(line.text.size());
    auto run = std::lower_bound(
        m_runs.cbegin(), m_runs.cend(), line.start,
        [](const CodeHighlighter::Run &r, int at) { return r.start + r.length <= at; });
    QList<QTextLayout::FormatRange> formats;
    for (; run != m_runs.cend() && run->start < lineEnd; ++run) {
        const int from = std::max(run->start, line.start);
        const int to = std::min(run->start + run->length, lineEnd);
        if (to <= from)
            continue;
        QTextLayout::FormatRange range;
        range.start = from - line.start;
        range.length = to - from;
        range.format.setForeground(dark ? run->dark : run->light);
        if (run->italic)
            range.format.setFontItalic(true);
        if (run->bold)
            range.format.setFontWeight(QFont::Bold);
        formats << range;
    }
    line.layout->setFormats(formats);
    line.layout->beginLayout();
    QTextLine textLine = line.layout->createLine();
    if (textLine.isValid()) {
        textLine.setLineWidth(std::max(line.width, qreal(1)) * 2 + 1000);
        textLine.setPosition(QPointF(0, 0));
    }
    line.layout->endLayout();
    ++m_layoutsMade;
    // Fallback fonts (a comment in Chinese) may be wider than measured.
    if (textLine.isValid() && textLine.naturalTextWidth() > line.width) {
        line.width = textLine.naturalTextWidth();
        if (line.width > m_widest) {
            m_widest = line.width;
            updateGeometry();
        }
    }
    return *line.layout;
}

QSize CodeView::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return {int(std::ceil(m_widest)) + 1 + margins.left() + margins.right(),
            int(m_lines.size()) * lineHeight() + margins.top() + margins.bottom()};
}

void CodeView::paintEvent(QPaintEvent *event)
{
    if (m_lines.empty())
        return;
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    const QMargins margins = contentsMargins();
    const int height = lineHeight();
    const int first = lineAt(event->rect().top());
    const int last = lineAt(event->rect().bottom());
    const int selectionStart = std::min(m_anchor, m_cursor);
    const int selectionEnd = std::max(m_anchor, m_cursor);
    for (int i = first; i <= last; ++i) {
        QTextLayout &layout = layoutOf(i);
        const Line &line = m_lines[size_t(i)];
        QList<QTextLayout::FormatRange> selection;
        const int from = std::max(selectionStart, line.start);
        const int to = std::min(selectionEnd, line.start + int(line.text.size()));
        if (selectionStart != selectionEnd && from < to) {
            QTextLayout::FormatRange range;
            range.start = from - line.start;
            range.length = to - from;
            range.format.setBackground(palette().brush(QPalette::Highlight));
            range.format.setForeground(palette().brush(QPalette::HighlightedText));
            selection << range;
        }
        layout.draw(&painter, QPointF(margins.left(), margins.top() + i * height), selection);
    }
}

int CodeView::lineAt(int y) const
{
    const int line = (y - contentsMargins().top()) / lineHeight();
    return std::clamp(line, 0, std::max(int(m_lines.size()) - 1, 0));
}

int CodeView::positionAt(const QPoint &point)
{
    if (m_lines.empty())
        return 0;
    if (point.y() < contentsMargins().top())
        return 0;
    const int index = lineAt(point.y());
    if (point.y() >= contentsMargins().top() + int(m_lines.size()) * lineHeight())
        return int(m_code.size());
    const QTextLine line = layoutOf(index).lineAt(0);
    const int column = line.isValid() ? line.xToCursor(point.x() - contentsMargins().left()) : 0;
    return m_lines[size_t(index)].start + column;
}

QRect CodeView::positionRect(int position) const
{
    const auto after = std::upper_bound(m_lines.begin(), m_lines.end(), position,
                                        [](int at, const Line &line) { return at < line.start; });
    const int index = int(std::max(after - m_lines.begin() - 1, ptrdiff_t(0)));
    if (m_lines.empty())
        return {};
    const Line &line = m_lines[size_t(index)];
    const qreal x = widthOf(line.text.left(position - line.start));
    return {contentsMargins().left() + int(x), contentsMargins().top() + index * lineHeight(), 1,
            lineHeight()};
}

void CodeView::select(int anchor, int cursor)
{
    const int size = int(m_code.size());
    m_anchor = std::clamp(anchor, 0, size);
    m_cursor = std::clamp(cursor, 0, size);
    update();
}

void CodeView::setSelection(int start, int length)
{
    select(start, start + length);
}

QString CodeView::selectedText() const
{
    return m_code.mid(std::min(m_anchor, m_cursor), std::abs(m_cursor - m_anchor));
}

void CodeView::copyToClipboard(bool selectionBuffer) const
{
    if (!hasSelectedText())
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!selectionBuffer)
        clipboard->setText(selectedText());
    else if (clipboard->supportsSelection())
        clipboard->setText(selectedText(), QClipboard::Selection);
}

void CodeView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int at = positionAt(event->position().toPoint());
    select(event->modifiers() & Qt::ShiftModifier ? m_anchor : at, at);
}

void CodeView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        select(m_anchor, positionAt(event->position().toPoint()));
}

void CodeView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        copyToClipboard(true);
}

void CodeView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // The word (identifier) under the pointer.
    const int at = positionAt(event->position().toPoint());
    int start = at;
    int end = at;
    while (start > 0 && isWordCharacter(m_code.at(start - 1)))
        --start;
    while (end < m_code.size() && isWordCharacter(m_code.at(end)))
        ++end;
    select(start, end);
    copyToClipboard(true);
}

void CodeView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy))
        copyToClipboard(false);
    else if (event->matches(QKeySequence::SelectAll))
        select(0, int(m_code.size()));
    else
        QWidget::keyPressEvent(event);
}

void CodeView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("Copy"), this, [this] { copyToClipboard(false); });
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(hasSelectedText());
    QAction *all =
        menu.addAction(tr("Select all"), this, [this] { select(0, int(m_code.size())); });
    all->setShortcut(QKeySequence::SelectAll);
    menu.exec(event->globalPos());
}

void CodeView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        measureFrom(0);
        forgetLayouts(0, int(m_lines.size()));
        updateGeometry();
    } else if (event->type() == QEvent::PaletteChange) {
        forgetLayouts(0, int(m_lines.size())); // light and dark have their own colours
    }
}

} // namespace hearth::ui
