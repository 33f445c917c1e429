#include "app/NavRail.h"

#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

NavRail::NavRail(QStackedWidget *pages, QWidget *parent)
    : QFrame(parent)
    , m_pages(pages)
    , m_buttons(new QButtonGroup(this))
    , m_top(new QVBoxLayout)
    , m_bottom(new QVBoxLayout)
{
    setObjectName(QStringLiteral("navRail"));
    setAccessibleName(tr("Pages"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 10, 8, 10);
    layout->setSpacing(4);
    m_top->setSpacing(4);
    m_bottom->setSpacing(4);
    layout->addLayout(m_top);
    layout->addStretch(1);
    layout->addLayout(m_bottom);
    connect(m_buttons, &QButtonGroup::idClicked, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        emit pageShown(m_pages->currentWidget());
    });
}

QToolButton *NavRail::addPage(QWidget *page, const QString &text, const QString &toolTip,
                              bool atBottom)
{
    const int index = m_pages->addWidget(page);
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setAccessibleName(text);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    if (index < 9) {
        button->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        button->setToolTip(QStringLiteral("%1 (%2)").arg(
            toolTip, button->shortcut().toString(QKeySequence::NativeText)));
    } else {
        button->setToolTip(toolTip);
    }
    m_buttons->addButton(button, index);
    (atBottom ? m_bottom : m_top)->addWidget(button);
    if (index == 0)
        button->setChecked(true);
    return button;
}

void NavRail::show(QWidget *page)
{
    const int index = m_pages->indexOf(page);
    if (index < 0)
        return;
    m_buttons->button(index)->setChecked(true);
    m_pages->setCurrentIndex(index);
    emit pageShown(page);
}

QWidget *NavRail::current() const
{
    return m_pages->currentWidget();
}

} // namespace hearth::ui
