#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtWidgets/QMessageBox>

#include <functional>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace hearth {

// Closing the window while the server is shared on the network asks whether
// to keep serving the other devices: then the window hides and Hearth stays
// in the tray (or, without a tray, in the background until it is started
// again, which brings the window back). Otherwise closing quits. The tray's
// menu opens the window, starts a new chat, stops sharing (the window comes
// back, serving this computer alone) or quits.
class KeepServingGuard final : public QObject
{
    Q_OBJECT
public:
    explicit KeepServingGuard(std::function<bool()> isShared, QObject *parent = nullptr);
    ~KeepServingGuard() override;

    void watch(QWidget *window);
    // What the tray menu's "New chat" and "Stop sharing" do.
    void setActions(std::function<void()> newChat, std::function<void()> stopSharing);
    QMessageBox *question() const { return m_question; }
    bool inTray() const { return m_tray != nullptr; }
    // The menu of the tray icon, made when the window is kept serving (also
    // where no tray shows it, so it can be tried); null before.
    QMenu *trayMenu() const { return m_menu; }

signals:
    void keptServing();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void ask(QWidget *window);
    void keepServing(QWidget *window);
    void showTray();
    void makeMenu();
    void reopen();

    std::function<bool()> m_isShared;
    QPointer<QWidget> m_window;
    QPointer<QMessageBox> m_question;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    std::function<void()> m_newChat;
    std::function<void()> m_stopSharing;
};

} // namespace hearth
