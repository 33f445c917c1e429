#include "app/ReasoningBlock.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

ReasoningBlock::ReasoningBlock(QWidget *parent)
    : QFrame(parent)
    , m_toggle(new QToolButton(this))
    , m_body(new QLabel(this))
{
    setObjectName(QStringLiteral("reasoningBlock"));
    m_toggle->setObjectName(QStringLiteral("reasoningToggle"));
    // Not checkable: a checked tool button is drawn pressed in.
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setToolTip(tr("Show or hide how the model reasoned"));
    connect(m_toggle, &QToolButton::clicked, this, [this] { setExpanded(!m_expanded); });

    m_body->setObjectName(QStringLiteral("reasoningText"));
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::PlainText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setForegroundRole(QPalette::PlaceholderText);
    m_body->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(2);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_body);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ReasoningBlock::updateTitle);
    m_render.setSingleShot(true);
    m_render.setInterval(100);
    connect(&m_render, &QTimer::timeout, this, &ReasoningBlock::showText);
    updateTitle();
}

void ReasoningBlock::appendText(const QString &delta)
{
    if (!m_thinking && m_text.isEmpty()) {
        m_thinking = true;
        m_clock.start();
        m_tick.start();
        setExpanded(true); // what the person watches while the model thinks
        updateTitle();
    }
    m_text += delta;
    if (!m_render.isActive())
        m_render.start();
}

void ReasoningBlock::finish(qint64 durationMs)
{
    if (durationMs < 0)
        durationMs = m_clock.isValid() ? m_clock.elapsed() : m_durationMs;
    const bool wasThinking = m_thinking;
    m_thinking = false;
    m_durationMs = durationMs;
    m_tick.stop();
    m_render.stop();
    showText();
    if (wasThinking)
        setExpanded(false);
    updateTitle();
}

void ReasoningBlock::setText(const QString &text, qint64 durationMs)
{
    m_text = text;
    finish(durationMs);
}

bool ReasoningBlock::isExpanded() const
{
    return m_expanded;
}

void ReasoningBlock::setExpanded(bool expanded)
{
    m_expanded = expanded;
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
}

QString ReasoningBlock::title() const
{
    return m_toggle->text();
}

void ReasoningBlock::updateTitle()
{
    if (m_thinking) {
        m_toggle->setText(tr("Thinking… %1 s").arg(m_clock.elapsed() / 1000));
        return;
    }
    // At least a second: "0 s" reads as if nothing happened.
    const qint64 seconds = qMax<qint64>(1, (m_durationMs + 500) / 1000);
    m_toggle->setText(tr("Thought for %1 s").arg(seconds));
}

void ReasoningBlock::showText()
{
    m_body->setText(m_text.trimmed());
}

} // namespace hearth::ui
