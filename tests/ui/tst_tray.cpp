#include "KeepServingGuard.h"

#include <QtCore/QMutex>
#include <QtCore/QThread>
#include <QtDBus/QDBusArgument>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusConnectionInterface>
#include <QtDBus/QDBusMessage>
#include <QtDBus/QDBusVariant>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSystemTrayIcon>

using namespace hearth;

namespace {
const QString watcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString menuInterface = QStringLiteral("com.canonical.dbusmenu");

struct MenuEntry
{
    int id = 0;
    QString label;
};

// One item of a dbusmenu layout, (ia{sv}av), and its children, flattened.
void readLayout(const QDBusArgument &argument, QList<MenuEntry> *entries)
{
    int id = 0;
    QVariantMap properties;
    argument.beginStructure();
    argument >> id >> properties;
    if (id != 0 &&
        properties.value(QStringLiteral("type")).toString() != QLatin1String("separator"))
        entries->append({id, properties.value(QStringLiteral("label")).toString()});
    argument.beginArray();
    while (!argument.atEnd()) {
        QDBusVariant child;
        argument >> child;
        readLayout(child.variant().value<QDBusArgument>(), entries);
    }
    argument.endArray();
    argument.endStructure();
}
} // namespace

// A desktop's tray (the StatusNotifierItem host KDE, GNOME's AppIndicator
// extension and others run), on its own connection to a private session
// bus: it records the icons that register with it. It answers on a thread
// of its own, as a separate process would: Qt asks it questions with
// blocking calls.
class FakeTrayHost final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
public:
    bool isHostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList items() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_registered;
    }

public slots:
    void RegisterStatusNotifierItem(const QString &service)
    {
        const QMutexLocker lock(&m_mutex);
        m_registered << service;
    }
    void RegisterStatusNotifierHost(const QString &) {}

private:
    mutable QMutex m_mutex;
    QStringList m_registered;
};

// Hearth kept serving the network after its window closed, in a real
// tray under a real X server: the icon registers with the desktop, its
// menu (read and clicked over D-Bus, as the desktop's panel does) opens
// the window, starts a new chat and stops sharing, which takes the icon
// away; clicking the icon brings the window back.
class TestTray final : public QObject
{
    Q_OBJECT
    FakeTrayHost m_host;
    QThread m_hostThread;
    QDBusConnection m_bus{QStringLiteral("unused")};

    QDBusMessage call(const QString &service, const QString &path, const QString &interface,
                      const QString &method, const QVariantList &arguments)
    {
        QDBusMessage message = QDBusMessage::createMethodCall(service, path, interface, method);
        message.setArguments(arguments);
        return m_bus.call(message, QDBus::BlockWithGui);
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        m_bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                              QStringLiteral("fake-tray-host"));
        QVERIFY2(m_bus.isConnected(), "no session bus: run under dbus-run-session");
        m_host.moveToThread(&m_hostThread);
        m_hostThread.start();
        QVERIFY(m_bus.registerService(watcherService));
        QVERIFY(m_bus.registerObject(QStringLiteral("/StatusNotifierWatcher"), &m_host,
                                     QDBusConnection::ExportAllSlots |
                                         QDBusConnection::ExportAllProperties));
    }

    void cleanupTestCase()
    {
        m_bus.unregisterObject(QStringLiteral("/StatusNotifierWatcher"));
        m_hostThread.quit();
        QVERIFY(m_hostThread.wait(5000));
    }

    void keptServingLivesInTheTray()
    {
        QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
        KeepServingGuard guard([] { return true; });
        int newChats = 0;
        int stops = 0;
        guard.setActions([&] { ++newChats; }, [&] { ++stops; });
        QWidget window;
        window.resize(400, 300);
        guard.watch(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
        QTRY_VERIFY_WITH_TIMEOUT(guard.question() && guard.question()->isVisible(), 5000);
        QAbstractButton *keep = nullptr;
        for (QAbstractButton *button : guard.question()->buttons())
            if (button->text() == QLatin1String("Keep serving"))
                keep = button;
        QVERIFY(keep);
        QTest::mouseClick(keep, Qt::LeftButton);
        QVERIFY(!window.isVisible());
        QVERIFY(guard.inTray());

        // The icon registers with the desktop's tray.
        QTRY_COMPARE_WITH_TIMEOUT(m_host.items().size(), 1, 10000);
        const QString icon = m_host.items().first();
        QVERIFY(m_bus.interface()->isServiceRegistered(icon));

        // Its menu, as the panel reads it.
        const QDBusMessage layout = call(icon, QStringLiteral("/MenuBar"), menuInterface,
                                         QStringLiteral("GetLayout"), {0, -1, QStringList()});
        QCOMPARE(layout.type(), QDBusMessage::ReplyMessage);
        QList<MenuEntry> entries;
        readLayout(layout.arguments().at(1).value<QDBusArgument>(), &entries);
        QStringList labels;
        for (const MenuEntry &entry : entries)
            labels << entry.label;
        QCOMPARE(labels,
                 (QStringList{QStringLiteral("Open Hearth"), QStringLiteral("New chat"),
                              QStringLiteral("Stop sharing"), QStringLiteral("Quit Hearth")}));
        auto click = [&](int index) {
            const QDBusMessage reply =
                call(icon, QStringLiteral("/MenuBar"), menuInterface, QStringLiteral("Event"),
                     {entries.at(index).id, QStringLiteral("clicked"),
                      QVariant::fromValue(QDBusVariant(QString())), 0u});
            return reply.type() == QDBusMessage::ReplyMessage;
        };

        // Clicking the icon brings the window back.
        QVERIFY(call(icon, QStringLiteral("/StatusNotifierItem"),
                     QStringLiteral("org.kde.StatusNotifierItem"), QStringLiteral("Activate"),
                     {0, 0})
                    .type() == QDBusMessage::ReplyMessage);
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 5000);

        window.hide();
        QVERIFY(click(1)); // New chat
        QTRY_COMPARE_WITH_TIMEOUT(newChats, 1, 5000);
        QVERIFY(window.isVisible());

        // Stop sharing: the window comes back and the icon goes.
        window.hide();
        QVERIFY(click(2));
        QTRY_COMPARE_WITH_TIMEOUT(stops, 1, 5000);
        QVERIFY(window.isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_bus.interface()->isServiceRegistered(icon), 5000);
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
