#pragma once

#include "app/CodeHighlighter.h"

#include <QtWidgets/QWidget>

#include <memory>
#include <vector>

class QTextLayout;

namespace hearth::ui {

// Code drawn line by line, never wrapped, in its colours: each line is laid
// out only when it is first painted, and again only when its text or its
// colours change. A block that grows while a reply streams, or whose
// colours arrive, costs the lines that changed on screen, not the whole
// block (a rich-text label parses and lays out all of it every time).
// Text can be selected with the mouse, Shift+click, Ctrl+A, and copied
// (Ctrl+C, the context menu, and X11's selection).
class CodeView final : public QWidget
{
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);
    ~CodeView() override;

    // Lines whose text is unchanged keep their layout and colours.
    void setCode(const QString &code);
    QString code() const { return m_code; }
    // Colours for the code from its start (runs past its end are cut off).
    void setColours(const QList<CodeHighlighter::Run> &runs);
    void clearColours() { setColours({}); }
    bool hasColours() const { return !m_runs.isEmpty(); }
    // The colour drawn at `position` (invalid where the text is plain).
    QColor colourAt(int position) const;

    // Positions into code(), as QLabel's: a length of 0 clears.
    void setSelection(int start, int length);
    bool hasSelectedText() const { return m_anchor != m_cursor; }
    QString selectedText() const;
    // Where `position` is drawn, in this widget's coordinates.
    QRect positionRect(int position) const;
    // Line layouts made so far (tests: a streamed line costs one).
    int layoutsMade() const { return m_layoutsMade; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Line
    {
        int start = 0;
        QString text;
        qreal width = 0;
        std::unique_ptr<QTextLayout> layout; // made when first drawn
    };
    int lineHeight() const;
    int lineAt(int y) const;
    int positionAt(const QPoint &point);
    QTextLayout &layoutOf(int index);
    qreal widthOf(const QString &text) const;
    // Measures the lines from `first` on, and the widest of all.
    void measureFrom(size_t first);
    // Light and dark have their own colours.
    bool isDark() const;
    void forgetLayouts(int fromLine, int toLine);
    void copyToClipboard(bool selectionBuffer) const;
    void select(int anchor, int cursor);

    QString m_code;
    std::vector<Line> m_lines;
    QList<CodeHighlighter::Run> m_runs;
    qreal m_widest = 0;
    int m_anchor = 0;
    int m_cursor = 0;
    int m_layoutsMade = 0;
};

} // namespace hearth::ui
