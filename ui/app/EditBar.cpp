#include "app/EditBar.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

namespace hearth::ui {

EditBar::EditBar(QWidget *parent)
    : QWidget(parent)
{
    auto *note = new QLabel(
        tr("Editing your message: sending it replaces it and everything after it."), this);
    note->setObjectName(QStringLiteral("messageNote"));
    auto *cancel = new QPushButton(tr("Cancel editing"), this);
    connect(cancel, &QPushButton::clicked, this, &EditBar::cancelRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(note, 1);
    layout->addWidget(cancel);
    hide();
}

void EditBar::begin(const QString &messageId)
{
    m_messageId = messageId;
    show();
}

void EditBar::end()
{
    m_messageId.clear();
    hide();
}

} // namespace hearth::ui
