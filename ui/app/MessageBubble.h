#pragma once

#include <QtCore/QTimer>
#include <QtWidgets/QFrame>

class QLabel;
class QToolButton;

namespace hearth::ui {

// One message: who said it, its Markdown text, and a copy button. A reply
// that is still streaming re-renders at most every 50 ms however many deltas
// arrive, and only this bubble is laid out again.
class MessageBubble final : public QFrame
{
    Q_OBJECT
public:
    MessageBubble(const QString &role, const QString &text, QWidget *parent = nullptr);

    void appendText(const QString &delta);
    void setText(const QString &text);
    QString text() const { return m_text; }
    QString role() const { return m_role; }
    void setNote(const QString &note); // "Stopped", an error…

private:
    void render();

    QString m_role;
    QString m_text;
    QLabel *m_body;
    QLabel *m_note;
    QToolButton *m_copy;
    QTimer m_renderTimer;
};

} // namespace hearth::ui
