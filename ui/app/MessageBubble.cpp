#include "app/MessageBubble.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

MessageBubble::MessageBubble(const QString &role, const QString &text, QWidget *parent)
    : QFrame(parent)
    , m_role(role)
    , m_text(text)
    , m_body(new QLabel(this))
    , m_note(new QLabel(this))
    , m_copy(new QToolButton(this))
{
    const bool mine = role == QLatin1String("user");
    setObjectName(mine ? QStringLiteral("userBubble") : QStringLiteral("assistantBubble"));
    setFrameShape(QFrame::StyledPanel);
    auto *who = new QLabel(mine ? tr("You") : tr("Assistant"), this);
    QFont bold = who->font();
    bold.setBold(true);
    who->setFont(bold);
    m_copy->setText(tr("Copy"));
    m_copy->setAutoRaise(true);
    m_copy->setAccessibleName(tr("Copy message"));
    connect(m_copy, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_text); });
    auto *header = new QHBoxLayout;
    header->addWidget(who);
    header->addStretch();
    header->addWidget(m_copy);

    m_body->setTextFormat(Qt::MarkdownText);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_body->setOpenExternalLinks(true);
    m_body->setAccessibleName(mine ? tr("Your message") : tr("Reply"));
    m_note->setVisible(false);
    m_note->setObjectName(QStringLiteral("messageNote"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->addLayout(header);
    layout->addWidget(m_body);
    layout->addWidget(m_note);

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

void MessageBubble::setText(const QString &text)
{
    m_text = text;
    m_renderTimer.stop();
    render();
}

void MessageBubble::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void MessageBubble::render()
{
    m_body->setText(m_text.isEmpty() ? QStringLiteral("…") : m_text);
}

} // namespace hearth::ui
