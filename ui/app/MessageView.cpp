#include "app/MessageView.h"

#include "app/MessageBubble.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

MessageView::MessageView(QWidget *parent)
    : QScrollArea(parent)
    , m_column(new QWidget)
    , m_layout(new QVBoxLayout(m_column))
    , m_placeholder(new QLabel(m_column))
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Conversation"));
    m_layout->setContentsMargins(16, 16, 16, 16);
    m_layout->setSpacing(10);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_layout->addWidget(m_placeholder);
    m_layout->addStretch();
    setWidget(m_column);
    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_atEnd = value >= bar->maximum() - 4; });
    connect(bar, &QScrollBar::rangeChanged, this, [this](int, int) { followEnd(); });
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
}

void MessageView::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
}

MessageBubble *MessageView::addMessage(const QString &role, const QString &text)
{
    setPlaceholder({});
    auto *bubble = new MessageBubble(role, text, m_column);
    m_layout->insertWidget(m_layout->count() - 1, bubble); // before the stretch
    return bubble;
}

QList<MessageBubble *> MessageView::bubbles() const
{
    return m_column->findChildren<MessageBubble *>(QString(), Qt::FindDirectChildrenOnly);
}

} // namespace hearth::ui
