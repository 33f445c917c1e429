#include "KeepServingGuard.h"

#include "app/BringToFront.h"

#include <QtCore/QCoreApplication>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QSystemTrayIcon>

namespace hearth {

KeepServingGuard::KeepServingGuard(std::function<bool()> isShared, QObject *parent)
    : QObject(parent)
    , m_isShared(std::move(isShared))
{}

KeepServingGuard::~KeepServingGuard()
{
    delete m_tray;
}

void KeepServingGuard::watch(QWidget *window)
{
    m_window = window;
    window->installEventFilter(this);
}

bool KeepServingGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Close || !watched->isWidgetType())
        return false;
    auto *window = static_cast<QWidget *>(watched);
    if (!m_isShared()) {
        // Closing the window is quitting, tray or not.
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        return false;
    }
    event->ignore();
    ask(window);
    return true;
}

void KeepServingGuard::ask(QWidget *window)
{
    if (m_question)
        return;
    const bool tray = QSystemTrayIcon::isSystemTrayAvailable();
    m_question = new QMessageBox(
        QMessageBox::Question, QCoreApplication::translate("KeepServing", "Keep serving?"),
        QCoreApplication::translate(
            "KeepServing", "Hearth is sharing its server with other devices on your network."),
        QMessageBox::NoButton, window);
    m_question->setInformativeText(
        tray ? QCoreApplication::translate(
                   "KeepServing",
                   "Keep serving them from the tray after the window closes, or stop and quit?")
             : QCoreApplication::translate("KeepServing",
                                           "Keep serving them in the background after the window "
                                           "closes (start Hearth again to "
                                           "bring the window back), or stop and quit?"));
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *keep = m_question->addButton(
        QCoreApplication::translate("KeepServing", "Keep serving"), QMessageBox::AcceptRole);
    QPushButton *quit = m_question->addButton(
        QCoreApplication::translate("KeepServing", "Stop and quit"), QMessageBox::DestructiveRole);
    m_question->addButton(QMessageBox::Cancel);
    m_question->setDefaultButton(keep);
    const QPointer<QWidget> target = window;
    connect(m_question, &QMessageBox::buttonClicked, this,
            [this, keep, quit, target](auto *button) {
                if (button == keep && target)
                    keepServing(target);
                else if (button == quit)
                    QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
            });
    m_question->open();
}

void KeepServingGuard::setActions(std::function<void()> newChat, std::function<void()> stopSharing)
{
    m_newChat = std::move(newChat);
    m_stopSharing = std::move(stopSharing);
}

void KeepServingGuard::keepServing(QWidget *window)
{
    window->hide();
    makeMenu();
    if (QSystemTrayIcon::isSystemTrayAvailable())
        showTray();
    emit keptServing();
}

void KeepServingGuard::reopen()
{
    if (!m_window)
        return;
    ui::bringToFront(m_window);
}

void KeepServingGuard::makeMenu()
{
    if (m_menu)
        return;
    m_menu = new QMenu;
    connect(this, &QObject::destroyed, m_menu, &QObject::deleteLater);
    m_menu->addAction(QCoreApplication::translate("KeepServing", "Open Hearth"), this,
                      &KeepServingGuard::reopen);
    m_menu->addAction(QCoreApplication::translate("KeepServing", "New chat"), this, [this] {
        reopen();
        if (m_newChat)
            m_newChat();
    });
    m_menu->addSeparator();
    m_menu->addAction(QCoreApplication::translate("KeepServing", "Stop sharing"), this, [this] {
        // Nothing is left to serve in the background: the window comes back.
        if (m_stopSharing)
            m_stopSharing();
        if (m_tray)
            m_tray->hide();
        reopen();
    });
    m_menu->addAction(QCoreApplication::translate("KeepServing", "Quit Hearth"), qApp,
                      &QCoreApplication::quit);
}

void KeepServingGuard::showTray()
{
    if (!m_tray) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);
        m_tray = new QSystemTrayIcon(icon);
        m_tray->setToolTip(
            QCoreApplication::translate("KeepServing", "Hearth is serving your network"));
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        reopen();
                });
    }
    m_tray->show();
}

} // namespace hearth
