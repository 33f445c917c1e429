#include "app/ConnectionBox.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

ConnectionBox::ConnectionBox(QWidget *parent)
    : QGroupBox(tr("Server"), parent)
    , m_where(new QLabel(this))
    , m_note(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect to another Hearth…"), this))
    , m_local(new QPushButton(tr("Sign out and use this computer"), this))
{
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("messageNote"));
    m_note->hide();
    m_connect->setToolTip(
        tr("Use a Hearth server running on another computer, with your account there"));
    connect(m_connect, &QPushButton::clicked, this, &ConnectionBox::connectRequested);
    connect(m_local, &QPushButton::clicked, this, &ConnectionBox::localRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addWidget(m_local);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_where);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
    showConnection(false, {}, {});
}

void ConnectionBox::showConnection(bool remote, const QString &serverUrl, const QString &email,
                                   const QString &note)
{
    m_where->setText(remote ? tr("Connected to %1 as %2.").arg(serverUrl, email)
                            : tr("This computer: the server inside this app."));
    m_local->setVisible(remote);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString ConnectionBox::shownText() const
{
    return m_where->text();
}

} // namespace hearth::ui
