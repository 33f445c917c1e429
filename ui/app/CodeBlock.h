#pragma once

#include <QtWidgets/QFrame>

class QLabel;
class QScrollArea;
class QToolButton;

namespace hearth::ui {

// A fenced code block of a message: its language, a copy button and the
// code in the system's monospace font, selectable, never re-wrapped.
class CodeBlock final : public QFrame
{
    Q_OBJECT
public:
    explicit CodeBlock(QWidget *parent = nullptr);

    void setCode(const QString &language, const QString &code);
    QString code() const { return m_code; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();

    QString m_code;
    QLabel *m_language;
    QLabel *m_view;
    QScrollArea *m_scroll;
    QToolButton *m_copy;
};

} // namespace hearth::ui
