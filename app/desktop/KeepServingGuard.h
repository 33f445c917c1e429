#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtWidgets/QMessageBox>

#include <functional>

class QSystemTrayIcon;
class QWidget;

namespace hearth {

// Closing the window while the server is shared on the network asks whether
// to keep serving the other devices: then the window hides and Hearth stays
// in the tray (or, without a tray, in the background until it is started
// again, which brings the window back). Otherwise closing quits.
class KeepServingGuard final : public QObject
{
    Q_OBJECT
public:
    explicit KeepServingGuard(std::function<bool()> isShared, QObject *parent = nullptr);
    ~KeepServingGuard() override;

    void watch(QWidget *window);
    QMessageBox *question() const { return m_question; }
    bool inTray() const { return m_tray != nullptr; }

signals:
    void keptServing();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void ask(QWidget *window);
    void keepServing(QWidget *window);
    void showTray();

    std::function<bool()> m_isShared;
    QPointer<QWidget> m_window;
    QPointer<QMessageBox> m_question;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace hearth
