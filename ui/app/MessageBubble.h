#pragma once

#include "app/MarkdownSegments.h"

#include <QtCore/QTimer>
#include <QtWidgets/QFrame>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace hearth::ui {

// One message: who said it, its text (Markdown prose, code blocks with their
// own copy button) and its actions: copy, edit and resend (questions),
// regenerate (the last reply). A reply that is still streaming re-renders at
// most every 50 ms however many deltas arrive, and only the part of it that
// changed is laid out again.
class MessageBubble final : public QFrame
{
    Q_OBJECT
public:
    MessageBubble(const QString &role, const QString &text, QWidget *parent = nullptr);

    void appendText(const QString &delta);
    void setText(const QString &text);
    QString text() const { return m_text; }
    QString role() const { return m_role; }
    // The server's id, once known; actions need it.
    void setMessageId(const QString &id) { m_id = id; }
    QString messageId() const { return m_id; }
    void setNote(const QString &note); // "Stopped", an error…
    QString note() const;
    void setActionsEnabled(bool edit, bool regenerate);
    // Renders pending deltas now (tests and benchmarks).
    void flush();

signals:
    void editRequested();
    void regenerateRequested();

private:
    void render();
    QWidget *segmentWidget(const MarkdownSegment &segment);

    QString m_id;
    QString m_role;
    QString m_text;
    QVBoxLayout *m_body;
    QList<MarkdownSegment> m_rendered;
    QList<QWidget *> m_segmentWidgets;
    QLabel *m_note;
    QToolButton *m_edit;
    QToolButton *m_regenerate;
    QTimer m_renderTimer;
};

} // namespace hearth::ui
