#include "FakeUpstream.h"
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/ChatPanel.h"
#include "app/Composer.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "client/ApiConnection.h"

#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

using namespace hearth;

namespace {
const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

// A desktop's notification service, on its own connection to a private
// session bus (the test runs in dbus-run-session): it records what it is
// asked to show.
class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown
    {
        QString app;
        uint replaces;
        QString summary;
        QString body;
        QStringList actions;
    };
    QList<Shown> shown;

public slots:
    uint Notify(const QString &app, uint replaces, const QString &, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &, int)
    {
        shown.append({app, replaces, summary, body, actions});
        return 42;
    }
};

// A reply that finishes while the window is in the background is announced
// on the desktop; clicking the notice brings the window back; a reply the
// person is watching is not announced.
class TestDesktopNotify final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    FakeNotifications m_notifications;
    QDBusConnection m_bus{QStringLiteral("unused")};

    static bool sendAndWait(ui::ChatPanel *chat, const QString &text)
    {
        QSignalSpy finished(chat, &ui::ChatPanel::replyFinished);
        chat->composer()->setPlainText(text);
        chat->send();
        return finished.wait(10000);
    }

private slots:
    void initTestCase()
    {
        m_bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                              QStringLiteral("fake-notifications"));
        QVERIFY2(m_bus.isConnected(), "no session bus: run under dbus-run-session");
        QVERIFY(m_bus.registerService(service));
        QVERIFY(m_bus.registerObject(path, &m_notifications, QDBusConnection::ExportAllSlots));
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        QVERIFY(m_server.start());
        ui::installLanguage(QStringLiteral("en"));
    }

    void aReplyFinishedElsewhereIsAnnounced()
    {
        auto api = signedInConnection(m_server.baseUrl(), TestServer::adminEmail,
                                      TestServer::adminPassword);
        QVERIFY(api);
        ui::MainWindow window(*api);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(chooseModel(window.chat(), QStringLiteral("fake-echo")));
        QWidget elsewhere; // another app's window, say
        elsewhere.show();
        elsewhere.activateWindow();
        QTRY_VERIFY(!window.isActiveWindow());

        QVERIFY(sendAndWait(window.chat(), QStringLiteral("Tell me when <done> & then")));
        QTRY_COMPARE_WITH_TIMEOUT(m_notifications.shown.size(), 1, 10000);
        const FakeNotifications::Shown first = m_notifications.shown.first();
        QCOMPARE(first.app, QStringLiteral("Hearth"));
        QCOMPARE(first.summary, QStringLiteral("Tell me when <done> & then"));
        // The reply, escaped: notification bodies may be read as markup.
        QCOMPARE(first.body, QStringLiteral("Tell me when &lt;done&gt; &amp; then"));
        QVERIFY(first.actions.contains(QStringLiteral("default")));

        // Clicking it brings the window back.
        QDBusMessage clicked =
            QDBusMessage::createSignal(path, service, QStringLiteral("ActionInvoked"));
        clicked << uint(42) << QStringLiteral("default");
        QVERIFY(m_bus.send(clicked));
        QTRY_VERIFY_WITH_TIMEOUT(window.isActiveWindow(), 10000);

        // Watched as it came: nothing to announce.
        QVERIFY(sendAndWait(window.chat(), QStringLiteral("second, watched")));
        elsewhere.activateWindow();
        QTRY_VERIFY(!window.isActiveWindow());
        QVERIFY(sendAndWait(window.chat(), QStringLiteral("third, in the background")));
        // Messages on one connection arrive in order: had the second been
        // announced, it would be here before the third.
        QTRY_COMPARE_WITH_TIMEOUT(m_notifications.shown.size(), 2, 10000);
        QCOMPARE(m_notifications.shown.at(1).body, QStringLiteral("third, in the background"));
        QCOMPARE(m_notifications.shown.at(1).replaces, 42u); // one notice, kept current
    }
};

QTEST_MAIN(TestDesktopNotify)
#include "tst_desktop_notify.moc"
