#pragma once

#include <QtCore/QTimer>
#include <QtWidgets/QFrame>

class QLabel;
class QScrollArea;
class QToolButton;

namespace hearth::ui {

class CodeHighlighter;
class CodeView;

// A fenced code block of a message: its language, a copy button and the
// code in the system's monospace font, selectable, never re-wrapped, and
// coloured by `highlighter` (when there is one) in the theme's colours.
class CodeBlock final : public QFrame
{
    Q_OBJECT
public:
    explicit CodeBlock(CodeHighlighter *highlighter, QWidget *parent = nullptr);

    void setCode(const QString &language, const QString &code);
    QString code() const { return m_code; }
    CodeView *view() const { return m_view; }
    // Whether the code on screen is coloured (tests).
    bool isHighlighted() const { return !m_highlightedCode.isEmpty(); }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();
    void requestColours();
    void showCode();

    CodeHighlighter *m_highlighter;
    QString m_fenceLanguage;
    QString m_highlightedCode; // the code the view's colours are for
    QTimer m_settle;           // paces the colouring of a block being streamed

    QString m_code;
    QLabel *m_language;
    CodeView *m_view;
    QScrollArea *m_scroll;
    QToolButton *m_copy;
};

} // namespace hearth::ui
