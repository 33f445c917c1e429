#include "ApiClient.h"
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/ApiKeysBox.h"
#include "app/FormDialog.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/QrCode.h"
#include "app/SettingsPage.h"
#include "app/SharingBox.h"
#include "app/Theme.h"
#include "client/ApiConnection.h"

#include <QtCore/QDir>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QClipboard>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableWidget>

using namespace hearth;

// The settings page against a real server: personal API keys that work,
// the sharing box, language and theme choices that are kept.
class TestSettingsPage final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<client::ApiConnection> m_api;

    void save(QWidget &window, const QString &name) { QVERIFY(saveScreenshot(window, name)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throwaway place
        QSettings().clear();
        QVERIFY(m_server.start());
        m_api = signedInConnection(m_server.baseUrl(), TestServer::adminEmail,
                                   TestServer::adminPassword);
        QVERIFY(m_api);
    }

    void createUseAndRevokeAnApiKey()
    {
        ui::installLanguage(QStringLiteral("en"));
        ui::MainWindow window(*m_api);
        window.show();
        ui::ApiKeysBox *keys = window.settings()->apiKeys();
        QSignalSpy loaded(keys, &ui::ApiKeysBox::loaded);
        window.showSettings();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(keys->table()->rowCount(), 0);

        ui::FormDialog *dialog = keys->openCreate();
        dialog->findChild<QLineEdit *>()->setText(QStringLiteral("laptop scripts"));
        QSignalSpy created(keys, &ui::ApiKeysBox::created);
        QSignalSpy reloaded(keys, &ui::ApiKeysBox::loaded);
        dialog->submit();
        QVERIFY(created.wait(10000));
        const QString key = created.first().first().toString();
        QVERIFY(key.startsWith(QLatin1String("hk-")));
        QCOMPARE(keys->shownKey(), key);
        QCOMPARE(QGuiApplication::clipboard()->text(), key);
        QVERIFY(reloaded.count() > 0 || reloaded.wait(10000));
        QCOMPARE(keys->table()->rowCount(), 1);
        QCOMPARE(keys->table()->item(0, 0)->text(), QStringLiteral("laptop scripts"));
        // The table shows the prefix, never the key.
        QVERIFY(!keys->table()->item(0, 1)->text().contains(key));
        QVERIFY(key.startsWith(keys->table()->item(0, 1)->text().chopped(1)));

        // The key works as a bearer token.
        ApiClient sdk(m_server.baseUrl());
        sdk.token = key;
        QCOMPARE(sdk.get(QStringLiteral("/v1/models")).status, 200);

        ui::SharingBox *sharing = window.settings()->sharing();
        sharing->show();
        // Shared over HTTPS: https addresses and the certificate's fingerprint.
        const QString fingerprint =
            QStringLiteral("AB:CD").repeated(1) + QStringLiteral(":01").repeated(30);
        sharing->showState(true, 8080, {}, fingerprint);
        QCOMPARE(sharing->shownUrls(), ui::SharingBox::networkUrls(8080, QStringLiteral("https")));
        QVERIFY(sharing->shownFingerprint().endsWith(fingerprint));
        // The addresses and this computer's own are links to the web client.
        sharing->setLocalUrl(m_server.baseUrl());
        bool linked = false, linkedLocal = false;
        for (QLabel *label : sharing->findChildren<QLabel *>()) {
            linked = linked ||
                     (label->openExternalLinks() &&
                      label->text().contains(
                          QStringLiteral("<a href=\"%1/\">").arg(sharing->shownUrls().value(0))));
            linkedLocal =
                linkedLocal || (label->isVisibleTo(sharing) &&
                                label->text().contains(
                                    QStringLiteral("<a href=\"%1/\">").arg(m_server.baseUrl())));
        }
        QVERIFY(sharing->shownUrls().isEmpty() || linked);
        QVERIFY(linkedLocal);
        save(window, QStringLiteral("settings_en"));
        sharing->showState(false, 0, {});
        QVERIFY(sharing->shownUrls().isEmpty());
        QVERIFY(!sharing->toggle()->isChecked());
        sharing->showState(false, 0, QStringLiteral("port in use"));
        bool explained = false;
        for (QLabel *label : sharing->findChildren<QLabel *>())
            explained = explained || label->text().contains(QLatin1String("port in use"));
        QVERIFY(explained);
        // Asking to share says so, with the chosen port.
        QSignalSpy requested(sharing, &ui::SharingBox::sharingRequested);
        sharing->port()->setValue(9191);
        sharing->toggle()->setChecked(true);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toBool(), true);
        QCOMPARE(requested.first().at(1).toInt(), 9191);

        // Revoked: gone from the list and refused by the server.
        keys->table()->selectRow(0);
        ApiClient owner(m_server.baseUrl());
        owner.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString id = owner.get(QStringLiteral("/v1/me/api-keys"))
                               .array()
                               .first()
                               .toObject()
                               .value(QLatin1String("id"))
                               .toString();
        QCOMPARE(owner.del(QStringLiteral("/v1/me/api-keys/") + id).status, 204);
        QCOMPARE(sdk.get(QStringLiteral("/v1/models")).status, 401);
    }

    void qrCodesEncodeTheAddress()
    {
        const QImage qr = ui::qrCodeImage(QStringLiteral("http://192.168.1.20:8080"), 3);
        QVERIFY(!qr.isNull());
        QCOMPARE(qr.width(), qr.height());
        QCOMPARE(qr.width() % 3, 0);
        // A quiet zone of white, then the dark corner of a finder pattern.
        QCOMPARE(qr.pixelColor(0, 0), QColor(Qt::white));
        QCOMPARE(qr.pixelColor(4 * 3, 4 * 3), QColor(Qt::black));
        QVERIFY(ui::qrCodeImage(QString(5000, QLatin1Char('x')), 1).isNull()); // too long to encode
    }

    void themeAndLanguageAreKept()
    {
        ui::installLanguage(QStringLiteral("en"));
        ui::MainWindow window(*m_api);
        QComboBox *theme = window.settings()->theme();
        theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
        emit theme->activated(theme->currentIndex());
        QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
                 QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        window.show();
        window.showSettings();
        save(window, QStringLiteral("settings_dark_en"));
        theme->setCurrentIndex(theme->findData(QStringLiteral("light")));
        emit theme->activated(theme->currentIndex());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);

        QComboBox *language = window.settings()->language();
        QSignalSpy chosen(window.settings(), &ui::SettingsPage::languageChosen);
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        emit language->activated(language->currentIndex());
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("zh_CN"));
        QCOMPARE(QSettings().value(QStringLiteral("appearance/language")).toString(),
                 QStringLiteral("zh_CN"));

        // What the app does with it: a window in Chinese.
        ui::installLanguage(QStringLiteral("zh_CN"));
        ui::MainWindow chinese(*m_api);
        chinese.show();
        chinese.settings()->sharing()->show();
        chinese.settings()->sharing()->showState(
            true, 8080, {}, QStringLiteral("AB:CD") + QStringLiteral(":01").repeated(30));
        QSignalSpy keysLoaded(chinese.settings()->apiKeys(), &ui::ApiKeysBox::loaded);
        chinese.showSettings();
        QVERIFY(keysLoaded.wait(10000));
        QCOMPARE(chinese.settings()->theme()->itemText(2), QStringLiteral("深色"));
        save(chinese, QStringLiteral("settings_zh_CN"));
        ui::installLanguage(QStringLiteral("en"));
        ui::applyTheme(QStringLiteral("system"));
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settings_page.moc"
