#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointer>

class QWidget;

namespace hearth::ui {

// Says on the desktop that a reply has finished while its window was in
// the background: a freedesktop.org notification over the session bus
// (every Linux desktop shows them), whose click brings the window back.
// Without a bus or a notification service it stays quiet.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QWidget *window);

    // Notifies unless the window is the active one.
    void replyFinished(const QString &conversationTitle, const QString &reply);

private slots:
    void onActionInvoked(uint id, const QString &action);

private:
    QPointer<QWidget> m_window;
    uint m_lastId = 0;
    bool m_listening = false;
};

} // namespace hearth::ui
