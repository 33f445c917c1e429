#include "app/DesktopNotifier.h"

#include "app/BringToFront.h"

#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#include <QtDBus/QDBusPendingCallWatcher>
#include <QtDBus/QDBusPendingReply>
#include <QtWidgets/QWidget>

namespace hearth::ui {

namespace {
const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
constexpr int bodyLength = 160;
} // namespace

DesktopNotifier::DesktopNotifier(QWidget *window)
    : QObject(window)
    , m_window(window)
{}

void DesktopNotifier::replyFinished(const QString &conversationTitle, const QString &reply)
{
    if (!m_window || (m_window->isActiveWindow() && !m_window->isMinimized()))
        return; // the person is looking at it
    // The bus is reached on the first notice, not at start: a window that
    // never needs one does not pay for the connection.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    if (!m_listening)
        m_listening = bus.connect(service, path, service, QStringLiteral("ActionInvoked"), this,
                                  SLOT(onActionInvoked(uint, QString)));
    QString body = reply.simplified();
    if (body.size() > bodyLength)
        body = body.left(bodyLength - 1) + QChar(0x2026);
    QDBusMessage notify =
        QDBusMessage::createMethodCall(service, path, service, QStringLiteral("Notify"));
    // The body is plain text: servers that read markup would take < and & as tags.
    notify << QStringLiteral("Hearth") << m_lastId << QStringLiteral("hearth") << conversationTitle
           << body.toHtmlEscaped() << QStringList{QStringLiteral("default"), tr("Open")}
           << QVariantMap{{QStringLiteral("category"), QStringLiteral("im.received")},
                          {QStringLiteral("desktop-entry"), QStringLiteral("hearth")}}
           << -1;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(notify), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *call) {
                call->deleteLater();
                const QDBusPendingReply<uint> reply = *call;
                if (reply.isValid())
                    m_lastId = reply.value(); // the next one replaces it
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &)
{
    if (id != m_lastId || !m_window)
        return;
    bringToFront(m_window);
}

} // namespace hearth::ui
