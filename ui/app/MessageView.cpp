#include "app/MessageView.h"

#include "app/CodeHighlighter.h"
#include "app/MessageBubble.h"

#include <QtWidgets/QLabel>

#include <QtWidgets/QScrollBar>
#include <QtWidgets/QVBoxLayout>
#include <algorithm>

namespace hearth::ui {

MessageView::MessageView(QWidget *parent)
    : QScrollArea(parent)
    , m_highlighter(new CodeHighlighter(this))
    , m_column(new QWidget)
    , m_layout(new QVBoxLayout(m_column))
    , m_placeholder(new QLabel(m_column))
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Conversation"));
    m_layout->setContentsMargins(16, 16, 16, 16);
    m_layout->setSpacing(18);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_layout->addWidget(m_placeholder);
    m_layout->addStretch();
    setWidget(m_column);
    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        m_atEnd = value >= bar->maximum() - 4;
        if (value == bar->minimum() && bar->maximum() > 0)
            requestOlder();
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_keepFromEnd >= 0) {
            bar->setValue(max - m_keepFromEnd);
            m_keepFromEnd = -1;
        }
        followEnd();
    });
}

void MessageView::requestOlder()
{
    if (!m_hasOlder)
        return;
    m_hasOlder = false; // until the page arrives and says otherwise
    emit olderRequested();
}

void MessageView::followEnd()
{
    if (m_atEnd)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void MessageView::clear()
{
    for (MessageBubble *bubble : bubbles())
        delete bubble;
    m_atEnd = true;
    m_hasOlder = false;
}

void MessageView::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
}

MessageBubble *MessageView::addMessage(const QString &role, const QString &text)
{
    setPlaceholder({});
    auto *bubble = new MessageBubble(role, text, m_highlighter, m_column);
    m_layout->insertWidget(m_layout->count() - 1, bubble); // before the stretch
    return bubble;
}

void MessageView::prependMessages(const QList<QPair<QString, QString>> &roleAndText,
                                  QList<MessageBubble *> *added)
{
    if (roleAndText.isEmpty())
        return;
    setPlaceholder({});
    if (!m_atEnd)
        m_keepFromEnd = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    int at = 1; // after the placeholder
    for (const auto &[role, text] : roleAndText) {
        auto *bubble = new MessageBubble(role, text, m_highlighter, m_column);
        m_layout->insertWidget(at++, bubble);
        if (added)
            added->append(bubble);
    }
}

void MessageView::removeFrom(MessageBubble *bubble)
{
    const QList<MessageBubble *> all = bubbles();
    const qsizetype from = all.indexOf(bubble);
    for (qsizetype i = all.size() - 1; from >= 0 && i >= from; --i)
        delete all.at(i);
}

QList<MessageBubble *> MessageView::bubbles() const
{
    // In layout order (findChildren would give creation order).
    QList<MessageBubble *> list;
    for (int i = 0; i < m_layout->count(); ++i) {
        if (auto *bubble = qobject_cast<MessageBubble *>(m_layout->itemAt(i)->widget()))
            list << bubble;
    }
    return list;
}

} // namespace hearth::ui

namespace hearth::ui {

int MessageView::sideMargin(int width)
{
    return std::max(16, (width - columnWidth) / 2);
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    // A readable measure: the conversation is a centred column, however
    // wide the window.
    const int side = sideMargin(viewport()->width());
    m_layout->setContentsMargins(side, 16, side, 16);
    QScrollArea::resizeEvent(event);
}

} // namespace hearth::ui
