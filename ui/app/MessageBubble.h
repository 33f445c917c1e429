#pragma once

#include "app/MarkdownSegments.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtWidgets/QFrame>

class QLabel;
class QToolButton;
class QVBoxLayout;

class QSpacerItem;

namespace hearth::ui {

class CodeHighlighter;

class AttachmentStrip;
class ReasoningBlock;

// One message: who said it, a reasoning model's thinking (ReasoningBlock),
// its text (Markdown prose, code blocks with their own copy button) and its
// actions: copy, edit and resend (questions),
// regenerate (the last reply). A reply that is still streaming re-renders at
// most every 50 ms however many deltas arrive, and only the part of it that
// changed is laid out again.
class MessageBubble final : public QFrame
{
    Q_OBJECT
public:
    // `highlighter` colours the code blocks (may be null).
    MessageBubble(const QString &role, const QString &text, CodeHighlighter *highlighter,
                  QWidget *parent = nullptr);

    void appendText(const QString &delta);
    // A reasoning model's thinking: live deltas, then its end (durationMs < 0:
    // as measured here), or a stored reply's whole.
    void appendReasoning(const QString &delta);
    void endReasoning(qint64 durationMs = -1);
    void setReasoning(const QString &text, qint64 durationMs);
    // Null for a message without reasoning.
    ReasoningBlock *reasoning() const { return m_reasoning; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    QString role() const { return m_role; }
    // The server's id, once known; actions need it.
    void setMessageId(const QString &id) { m_id = id; }
    QString messageId() const { return m_id; }
    void setNote(const QString &note); // "Stopped", an error…
    // A message as the server stored it (the history, the end of a stream):
    // its id, text, reasoning and, when it ended early, why.
    void showStored(const QJsonObject &message);
    // What a reply that did not end normally says under it ("" when it did).
    static QString finishNote(const QString &finishReason);
    QString note() const;
    void setActionsEnabled(bool edit, bool regenerate);
    // The files a question was sent with, shown above its text; null when none.
    AttachmentStrip *setAttachments(const QJsonArray &attachments);
    AttachmentStrip *attachmentStrip() const { return m_attachments; }
    QStringList attachmentIds() const;
    // What shows its text, in order: prose labels and code views (finding
    // text in a conversation).
    QList<QWidget *> textWidgets() const;
    // Renders pending deltas now (tests and benchmarks).
    void flush();

signals:
    void editRequested();
    void regenerateRequested();

protected:
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    QWidget *segmentWidget(const MarkdownSegment &segment);
    ReasoningBlock *ensureReasoning();

    QString m_id;
    CodeHighlighter *m_highlighter;
    QString m_role;
    QString m_text;
    QVBoxLayout *m_layout;
    QFrame *m_card;                  // the bubble of a question, the text of a reply
    QSpacerItem *m_spacer = nullptr; // beside a question's bubble
    QVBoxLayout *m_cardLayout;
    QVBoxLayout *m_body;
    QWidget *m_actions; // copy, edit, regenerate: on hover, always for the last reply
    bool m_keepActions = false;
    ReasoningBlock *m_reasoning = nullptr;
    AttachmentStrip *m_attachments = nullptr;
    QList<MarkdownSegment> m_rendered;
    QList<QWidget *> m_segmentWidgets;
    QLabel *m_note;
    QToolButton *m_edit;
    QToolButton *m_regenerate;
    QTimer m_renderTimer;
};

} // namespace hearth::ui
