#include "app/SystemColorScheme.h"
#include "app/Theme.h"

#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#include <QtDBus/QDBusVariant>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

using namespace hearth;

namespace {
const QString service = QStringLiteral("org.freedesktop.portal.Desktop");
const QString path = QStringLiteral("/org/freedesktop/portal/desktop");
const QString settings = QStringLiteral("org.freedesktop.portal.Settings");

bool paletteIsDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}
} // namespace

// A desktop's settings portal on its own connection to a private session
// bus, saying what its color-scheme is (as GNOME's and KDE's portals do:
// the value wrapped in two variants).
class FakePortal final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 1; // dark
public slots:
    QDBusVariant Read(const QString &group, const QString &key)
    {
        if (group != QLatin1String("org.freedesktop.appearance") ||
            key != QLatin1String("color-scheme"))
            return QDBusVariant(QString());
        return QDBusVariant(QVariant::fromValue(QDBusVariant(scheme)));
    }
};

// The "system" theme follows the desktop's light or dark, at start and as
// it changes; a theme chosen by hand does not.
class TestSystemTheme final : public QObject
{
    Q_OBJECT
    FakePortal m_portal;
    QDBusConnection m_bus{QStringLiteral("unused")};

    void announce(uint scheme)
    {
        QDBusMessage changed =
            QDBusMessage::createSignal(path, settings, QStringLiteral("SettingChanged"));
        changed << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme")
                << QVariant::fromValue(QDBusVariant(scheme));
        QVERIFY(m_bus.send(changed));
    }

private slots:
    void initTestCase()
    {
        m_bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                              QStringLiteral("fake-portal"));
        QVERIFY2(m_bus.isConnected(), "no session bus: run under dbus-run-session");
        QVERIFY(m_bus.registerService(service));
        QVERIFY(m_bus.registerObject(path, &m_portal, QDBusConnection::ExportAllSlots));
    }

    void systemFollowsTheDesktop()
    {
        ui::applyTheme(QStringLiteral("system"));
        QVERIFY(!paletteIsDark()); // the platform's own (light) palette
        ui::SystemColorScheme scheme;
        QObject::connect(&scheme, &ui::SystemColorScheme::changed, &ui::setSystemPrefersDark);
        QSignalSpy changed(&scheme, &ui::SystemColorScheme::changed);
        scheme.start();
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.last().first().toBool(), true);
        QVERIFY(paletteIsDark());

        announce(2); // the person switched the desktop to light
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.last().first().toBool(), false);
        QVERIFY(!paletteIsDark());

        // Chosen by hand, light stays light whatever the desktop says.
        ui::applyTheme(QStringLiteral("light"));
        announce(1);
        QVERIFY(changed.wait(10000));
        QVERIFY(!paletteIsDark());
        ui::applyTheme(QStringLiteral("system")); // and back to following it
        QVERIFY(paletteIsDark());
    }
};

QTEST_MAIN(TestSystemTheme)
#include "tst_system_theme.moc"
