#include "app/MessageBubble.h"

#include "app/AttachmentStrip.h"
#include "app/CodeBlock.h"
#include "app/CodeView.h"
#include "app/ProseLabel.h"
#include "app/ReasoningBlock.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

namespace hearth::ui {

namespace {

QToolButton *actionButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

MessageBubble::MessageBubble(const QString &role, const QString &text, CodeHighlighter *highlighter,
                             QWidget *parent)
    : QFrame(parent)
    , m_highlighter(highlighter)
    , m_role(role)
    , m_text(text)
    , m_layout(new QVBoxLayout(this))
    , m_card(new QFrame(this))
    , m_cardLayout(new QVBoxLayout(m_card))
    , m_body(new QVBoxLayout)
    , m_actions(new QWidget(this))
    , m_note(new QLabel(m_card))
    , m_edit(actionButton(tr("Edit"), tr("Edit and resend this message"), m_actions))
    , m_regenerate(actionButton(tr("Regenerate"), tr("Write this reply again"), m_actions))
{
    const bool mine = role == QLatin1String("user");
    setObjectName(mine ? QStringLiteral("userBubble") : QStringLiteral("assistantBubble"));
    setAccessibleName(mine ? tr("Your message") : tr("Reply"));
    // Questions sit on the right in a bubble; replies read as plain text
    // under a small mark, like the chat apps people know.
    m_card->setObjectName(mine ? QStringLiteral("userCard") : QStringLiteral("replyCard"));
    QToolButton *copy = actionButton(tr("Copy"), tr("Copy message"), m_actions);
    connect(copy, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_text); });
    connect(m_edit, &QToolButton::clicked, this, &MessageBubble::editRequested);
    connect(m_regenerate, &QToolButton::clicked, this, &MessageBubble::regenerateRequested);
    m_edit->setVisible(false);
    m_regenerate->setVisible(false);
    m_actions->setObjectName(QStringLiteral("messageActions"));
    auto *actions = new QHBoxLayout(m_actions);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->setSpacing(2);
    if (mine)
        actions->addStretch();
    actions->addWidget(copy);
    actions->addWidget(m_edit);
    actions->addWidget(m_regenerate);
    if (!mine)
        actions->addStretch();
    // Shown while the pointer is over the message; the space stays, so
    // nothing moves when they appear.
    QSizePolicy keepSpace = m_actions->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_actions->setSizePolicy(keepSpace);
    m_actions->setVisible(false);

    m_body->setSpacing(6);
    m_note->setVisible(false);
    m_note->setObjectName(QStringLiteral("messageNote"));
    m_cardLayout->setContentsMargins(mine ? QMargins(14, 8, 14, 8) : QMargins(0, 0, 0, 0));
    m_cardLayout->addLayout(m_body);
    m_cardLayout->addWidget(m_note);

    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    if (!mine) {
        auto *mark = new QLabel(tr("Assistant"), this);
        mark->setObjectName(QStringLiteral("roleMark"));
        m_layout->addWidget(mark);
    }
    if (mine) {
        // A spacer pushes the bubble right; the row lays the bubble out at
        // its real width, so its height fits what wraps in it.
        auto *row = new QHBoxLayout;
        m_spacer = new QSpacerItem(0, 0, QSizePolicy::Expanding, QSizePolicy::Minimum);
        row->addItem(m_spacer);
        row->addWidget(m_card);
        m_layout->addLayout(row);
    } else {
        m_layout->addWidget(m_card);
    }
    m_layout->addWidget(m_actions);

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(50);
    connect(&m_renderTimer, &QTimer::timeout, this, &MessageBubble::render);
    render();
}

void MessageBubble::appendText(const QString &delta)
{
    m_text += delta;
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

ReasoningBlock *MessageBubble::ensureReasoning()
{
    if (!m_reasoning) {
        m_reasoning = new ReasoningBlock(m_card);
        m_cardLayout->insertWidget(m_attachments ? 1 : 0, m_reasoning); // above the answer
    }
    return m_reasoning;
}

void MessageBubble::appendReasoning(const QString &delta)
{
    ensureReasoning()->appendText(delta);
}

void MessageBubble::endReasoning(qint64 durationMs)
{
    if (m_reasoning && m_reasoning->isThinking())
        m_reasoning->finish(durationMs);
}

void MessageBubble::setReasoning(const QString &text, qint64 durationMs)
{
    if (text.isEmpty())
        return;
    ensureReasoning()->setText(text, durationMs);
}

void MessageBubble::setText(const QString &text)
{
    m_text = text;
    flush();
}

void MessageBubble::flush()
{
    m_renderTimer.stop();
    render();
}

void MessageBubble::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void MessageBubble::showStored(const QJsonObject &message)
{
    setMessageId(message.value(QLatin1String("id")).toString());
    setReasoning(message.value(QLatin1String("reasoning")).toString(),
                 qint64(message.value(QLatin1String("reasoningMs")).toDouble()));
    const QString content = message.value(QLatin1String("content")).toString();
    if (content != m_text)
        setText(content);
    else if (m_renderTimer.isActive())
        flush(); // the last deltas, not yet on screen
    setNote(finishNote(message.value(QLatin1String("finishReason")).toString()));
}

QString MessageBubble::finishNote(const QString &finishReason)
{
    if (finishReason == QLatin1String("cancelled"))
        return tr("Stopped");
    if (finishReason == QLatin1String("length"))
        return tr("Cut short: the reply reached its length limit.");
    if (finishReason == QLatin1String("error"))
        return tr("The reply was cut off.");
    if (finishReason == QLatin1String("interrupted"))
        return tr("Interrupted: the server stopped before the reply was finished.");
    if (finishReason == QLatin1String("streaming"))
        return tr("Still being written. Open the chat again to see more.");
    return {};
}

QString MessageBubble::note() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

void MessageBubble::setActionsEnabled(bool edit, bool regenerate)
{
    m_edit->setVisible(edit);
    m_regenerate->setVisible(regenerate);
    m_keepActions = regenerate; // the last reply keeps its actions in view
    m_actions->setVisible(m_keepActions || underMouse());
}

QList<QWidget *> MessageBubble::textWidgets() const
{
    QList<QWidget *> widgets;
    for (QWidget *widget : m_segmentWidgets) {
        if (auto *block = qobject_cast<CodeBlock *>(widget))
            widgets << block->view();
        else
            widgets << widget;
    }
    return widgets;
}

void MessageBubble::enterEvent(QEnterEvent *event)
{
    QFrame::enterEvent(event);
    m_actions->setVisible(true);
}

void MessageBubble::leaveEvent(QEvent *event)
{
    QFrame::leaveEvent(event);
    m_actions->setVisible(m_keepActions);
}

void MessageBubble::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    if (m_role == QLatin1String("user"))
        m_card->setMaximumWidth(width() * 4 / 5); // a question never spans the column
}

AttachmentStrip *MessageBubble::setAttachments(const QJsonArray &attachments)
{
    delete m_attachments;
    m_attachments = nullptr;
    if (attachments.isEmpty())
        return nullptr;
    m_attachments = new AttachmentStrip(attachments, m_card);
    m_cardLayout->insertWidget(0, m_attachments); // above the text
    render();                                     // no "…" for a picture sent without words
    return m_attachments;
}

QStringList MessageBubble::attachmentIds() const
{
    QStringList ids;
    if (m_attachments) {
        for (const QJsonValue &a : m_attachments->attachments())
            ids << a.toObject().value(QLatin1String("id")).toString();
    }
    return ids;
}

QWidget *MessageBubble::segmentWidget(const MarkdownSegment &segment)
{
    if (segment.code) {
        auto *block = new CodeBlock(m_highlighter, m_card);
        block->setCode(segment.language, segment.text);
        return block;
    }
    auto *prose = new ProseLabel(m_card);
    prose->setMarkdown(segment.text);
    return prose;
}

void MessageBubble::render()
{
    QList<MarkdownSegment> segments =
        m_text.isEmpty() && m_attachments
            ? QList<MarkdownSegment>()
            : splitMarkdown(m_text.isEmpty() ? QStringLiteral("…") : m_text);
    // While streaming only the last segment changes: leave the others alone.
    for (int i = 0; i < segments.size(); ++i) {
        const MarkdownSegment &segment = segments.at(i);
        if (i < m_rendered.size() && m_rendered.at(i) == segment)
            continue;
        if (i < m_rendered.size() && m_rendered.at(i).code == segment.code) {
            if (auto *block = qobject_cast<CodeBlock *>(m_segmentWidgets.at(i)))
                block->setCode(segment.language, segment.text);
            else
                static_cast<ProseLabel *>(m_segmentWidgets.at(i))->setMarkdown(segment.text);
            continue;
        }
        QWidget *widget = segmentWidget(segment);
        if (i < m_segmentWidgets.size()) {
            delete m_segmentWidgets.at(i);
            m_segmentWidgets[i] = widget;
        } else {
            m_segmentWidgets << widget;
        }
        m_body->insertWidget(i, widget);
    }
    while (m_segmentWidgets.size() > segments.size())
        delete m_segmentWidgets.takeLast();
    if (m_spacer) {
        // A question with code takes the bubble's full width, so its code
        // is not squeezed into a scroll.
        const bool hasCode = std::any_of(segments.cbegin(), segments.cend(),
                                         [](const MarkdownSegment &s) { return s.code; });
        m_spacer->changeSize(0, 0, hasCode ? QSizePolicy::Minimum : QSizePolicy::Expanding,
                             QSizePolicy::Minimum);
        m_layout->invalidate();
    }
    m_rendered = std::move(segments);
}

} // namespace hearth::ui
