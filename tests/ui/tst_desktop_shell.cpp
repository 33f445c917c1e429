#include "ApiClient.h"
#include "TestServer.h"

#include "DesktopShell.h"
#include "KeepServingGuard.h"
#include "UiTestSupport.h"
#include "app/ChatPanel.h"
#include "app/Composer.h"
#include "app/ConnectDialog.h"
#include "app/ConnectionBox.h"
#include "app/ConversationSidebar.h"
#include "app/FormDialog.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/SettingsPage.h"
#include "app/SharingBox.h"
#include "client/TokenVault.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QSystemTrayIcon>

using namespace hearth;

// The desktop app as a whole: its own server, or a Hearth started
// separately, signed in to once and resumed at the next start from the
// system keychain (a real GNOME keyring: ctest runs this under
// with_keyring.sh); and closing the window while shared.
class TestDesktopShell final : public QObject
{
    Q_OBJECT
    TestServer m_remote;        // "another computer": its own server, reached over HTTP
    TestServer m_localDefaults; // the desktop's own configuration; started by the shell
    TestServer m_sharedTls;     // a desktop sharing over HTTPS with its own certificate
    std::unique_ptr<ApiClient> m_check;
    QString m_remoteConversation;

    ServerConfig localConfig(const QString &host = QStringLiteral("127.0.0.1")) const
    {
        ServerConfig config = m_localDefaults.config;
        config.host = host;
        config.port = 0;
        return config;
    }
    static ui::MainWindow *waitForWindow(QSignalSpy &shown, int count)
    {
        if (!QTest::qWaitFor([&] { return shown.count() >= count; }, 20000))
            return nullptr;
        return shown.last().first().value<ui::MainWindow *>();
    }
    QString storedToken()
    {
        client::TokenVault vault;
        QString token;
        bool done = false;
        vault.read(client::TokenVault::account(m_remote.baseUrl(), TestServer::adminEmail), this,
                   [&](const QString &found, const QString &) {
                       token = found;
                       done = true;
                   });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("the keychain did not answer");
        return token;
    }
    static ui::FormDialog *connectDialog(ui::MainWindow *window)
    {
        ui::FormDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                dialog = window->findChild<ui::FormDialog *>();
                return dialog && dialog->isVisible();
            },
            5000);
        return shown ? dialog : nullptr;
    }

    // Settings → "Connect to another Hearth…", filled in (not yet submitted).
    static ui::FormDialog *fillConnectDialog(ui::MainWindow *window, const QString &url,
                                             const QString &password)
    {
        QTest::mouseClick(window->settings()->connection()->connectButton(), Qt::LeftButton);
        ui::FormDialog *dialog = connectDialog(window);
        if (!dialog)
            return nullptr;
        const QList<QLineEdit *> fields = dialog->findChildren<QLineEdit *>();
        fields[0]->setText(url);
        fields[1]->setText(TestServer::adminEmail);
        fields[2]->setText(password);
        return dialog;
    }

    static ui::FormDialog *visibleFormDialog()
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<ui::FormDialog *>(widget);
                dialog && dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<hearth::ui::MainWindow *>();
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        ui::installLanguage(QStringLiteral("en"));
        QVERIFY(m_remote.start());
        m_sharedTls.config.tlsMode = QStringLiteral("self-signed");
        QVERIFY(m_sharedTls.start());
        m_check = std::make_unique<ApiClient>(m_remote.baseUrl());
        m_check->login(TestServer::adminEmail, TestServer::adminPassword);
        m_remoteConversation =
            m_check
                ->post(QStringLiteral("/v1/conversations"),
                       {{QStringLiteral("title"), QStringLiteral("Kept on the other computer")}})
                .json()
                .value(QLatin1String("id"))
                .toString();
        QVERIFY(!m_remoteConversation.isEmpty());
    }

    void connectToAnotherHearthAndResumeAtTheNextStart()
    {
        QString firstToken;
        {
            DesktopShell shell(localConfig());
            QSignalSpy shown(&shell, &DesktopShell::windowShown);
            shell.start();
            ui::MainWindow *window = waitForWindow(shown, 1);
            QVERIFY(window);
            ui::ConnectionBox *box = window->settings()->connection();
            QVERIFY(box->shownText().contains(QLatin1String("This computer")));

            QTest::mouseClick(box->connectButton(), Qt::LeftButton);
            ui::FormDialog *dialog = connectDialog(window);
            QVERIFY(dialog);
            const QList<QLineEdit *> fields = dialog->findChildren<QLineEdit *>();
            QCOMPARE(fields.size(), 3);
            // A typo in the address, then a wrong password: the dialog stays, says why.
            fields[0]->setText(QStringLiteral("not a server"));
            fields[1]->setText(TestServer::adminEmail);
            fields[2]->setText(QStringLiteral("wrong password"));
            dialog->submit();
            QVERIFY(dialog->shownError().contains(QLatin1String("not a server address")));
            fields[0]->setText(m_remote.baseUrl() + QStringLiteral("/v1/"));
            dialog->submit();
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->shownError().isEmpty(), 10000);
            QVERIFY(dialog->isVisible());
            QVERIFY(saveScreenshot(*dialog, QStringLiteral("connect_dialog_en")));
            fields[2]->setText(TestServer::adminPassword);
            dialog->submit();

            window = waitForWindow(shown, 2);
            QVERIFY(window);
            box = window->settings()->connection();
            QVERIFY2(box->shownText().contains(m_remote.baseUrl()), qPrintable(box->shownText()));
            QVERIFY(box->localButton()->isVisibleTo(window));
            // The conversations are the other server's.
            QSignalSpy listed(window->sidebar(), &ui::ConversationSidebar::loaded);
            window->sidebar()->reload();
            QVERIFY(listed.wait(10000));
            QCOMPARE(window->sidebar()->conversationCount(), 1);
            QVERIFY(saveScreenshot(*window, QStringLiteral("settings_remote_en")));
            QTRY_VERIFY_WITH_TIMEOUT(!storedToken().isEmpty(), 10000);
            firstToken = storedToken();
            QCOMPARE(QSettings().value(QStringLiteral("connection/mode")).toString(),
                     QStringLiteral("remote"));
        }

        // The next start signs in again by itself, with the kept token (which rotates).
        DesktopShell shell(localConfig());
        QSignalSpy shown(&shell, &DesktopShell::windowShown);
        shell.start();
        ui::MainWindow *window = waitForWindow(shown, 1);
        QVERIFY(window);
        QVERIFY(!window->findChild<ui::FormDialog *>());
        QVERIFY(window->settings()->connection()->shownText().contains(m_remote.baseUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(!storedToken().isEmpty() && storedToken() != firstToken, 10000);
        const QString current = storedToken();
        // The old token was rotated away: the server refuses it now.
        QCOMPARE(m_check
                     ->post(QStringLiteral("/v1/auth/refresh"),
                            {{QStringLiteral("refreshToken"), firstToken}})
                     .status,
                 401);

        // Back to this computer: signed out there, nothing kept here.
        QTest::mouseClick(window->settings()->connection()->localButton(), Qt::LeftButton);
        window = waitForWindow(shown, 2);
        QVERIFY(window);
        QVERIFY(
            window->settings()->connection()->shownText().contains(QLatin1String("This computer")));
        QTRY_VERIFY_WITH_TIMEOUT(storedToken().isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_check
                                      ->post(QStringLiteral("/v1/auth/refresh"),
                                             {{QStringLiteral("refreshToken"), current}})
                                      .status,
                                  401, 10000);
        QCOMPARE(QSettings().value(QStringLiteral("connection/mode")).toString(),
                 QStringLiteral("local"));
    }

    void aServerThatIsGoneAsksAgainAndCancelUsesThisComputer()
    {
        QSettings settings;
        settings.setValue(QStringLiteral("connection/mode"), QStringLiteral("remote"));
        settings.setValue(QStringLiteral("connection/url"), QStringLiteral("http://127.0.0.1:9"));
        settings.setValue(QStringLiteral("connection/email"), TestServer::adminEmail);
        DesktopShell shell(localConfig());
        QSignalSpy shown(&shell, &DesktopShell::windowShown);
        shell.start();
        // No token kept for it: the sign-in form, with nothing behind it yet.
        ui::FormDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleFormDialog()) != nullptr, 10000);
        QVERIFY(dialog);
        QCOMPARE(dialog->findChildren<QLineEdit *>().at(0)->text(),
                 QStringLiteral("http://127.0.0.1:9"));
        dialog->findChildren<QLineEdit *>().at(2)->setText(QStringLiteral("whatever1"));
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->shownError().contains(QLatin1String("No Hearth server")),
                                 10000);
        dialog->reject();
        ui::MainWindow *window = waitForWindow(shown, 1);
        QVERIFY(window);
        QVERIFY(
            window->settings()->connection()->shownText().contains(QLatin1String("This computer")));
    }

    // Another desktop shares over HTTPS with its own certificate: the first
    // connection shows its fingerprint and pins it on "Trust and connect";
    // the next start trusts it silently; a different certificate later is
    // called out as changed.
    void aServersOwnCertificateIsTrustedOnFirstUse()
    {
        TestServer &shared = m_sharedTls;
        const QString fingerprint = shared.tlsFingerprint();
        QVERIFY(fingerprint.contains(QLatin1Char(':')));
        QSettings().setValue(QStringLiteral("connection/mode"), QStringLiteral("local"));
        {
            DesktopShell shell(localConfig());
            QSignalSpy shown(&shell, &DesktopShell::windowShown);
            shell.start();
            ui::MainWindow *window = waitForWindow(shown, 1);
            QVERIFY(window);
            ui::FormDialog *dialog =
                fillConnectDialog(window, shared.baseUrl(), TestServer::adminPassword);
            QVERIFY(dialog);
            dialog->submit();
            QTRY_VERIFY_WITH_TIMEOUT(dialog->shownError().contains(fingerprint), 10000);
            QVERIFY(dialog->shownError().contains(QLatin1String("its own certificate")));
            auto *trust = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QCOMPARE(trust->text(), QStringLiteral("Trust and connect"));
            QVERIFY(saveScreenshot(*dialog, QStringLiteral("connect_trust_certificate_en")));
            dialog->submit();
            window = waitForWindow(shown, 2);
            QVERIFY(window);
            QVERIFY(window->settings()->connection()->shownText().contains(shared.baseUrl()));
            QCOMPARE(QSettings().value(QStringLiteral("connection/certificate")).toString(),
                     fingerprint);
        }
        {
            // The next start: the pinned certificate, no questions.
            DesktopShell shell(localConfig());
            QSignalSpy shown(&shell, &DesktopShell::windowShown);
            shell.start();
            ui::MainWindow *window = waitForWindow(shown, 1);
            QVERIFY(window);
            QVERIFY(!visibleFormDialog());
            QVERIFY(window->settings()->connection()->shownText().contains(shared.baseUrl()));
        }
        // As if the server now showed another certificate than the one pinned.
        QSettings().setValue(QStringLiteral("connection/certificate"),
                             QStringLiteral("00:11:22:33"));
        DesktopShell shell(localConfig());
        QSignalSpy shown(&shell, &DesktopShell::windowShown);
        shell.start();
        ui::FormDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleFormDialog()) != nullptr, 10000);
        dialog->findChildren<QLineEdit *>().at(2)->setText(TestServer::adminPassword);
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->shownError().contains(QLatin1String("has changed")),
                                 10000);
        QVERIFY(dialog->shownError().contains(fingerprint));
        dialog->reject();
        QVERIFY(waitForWindow(shown, 1));
        QSettings().setValue(QStringLiteral("connection/mode"), QStringLiteral("local"));
    }

    void closingWhileSharedAsksToKeepServing()
    {
        QSettings().setValue(QStringLiteral("connection/mode"), QStringLiteral("local"));
        DesktopShell shell(localConfig(QStringLiteral("0.0.0.0")));
        QSignalSpy shown(&shell, &DesktopShell::windowShown);
        shell.start();
        ui::MainWindow *window = waitForWindow(shown, 1);
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        KeepServingGuard *guard = shell.findChild<KeepServingGuard *>();
        QVERIFY(guard);
        QSignalSpy kept(guard, &KeepServingGuard::keptServing);
        window->close();
        QVERIFY(window->isVisible()); // not yet: the question first
        QTRY_VERIFY_WITH_TIMEOUT(guard->question() && guard->question()->isVisible(), 5000);
        QVERIFY(saveScreenshot(*guard->question(), QStringLiteral("keep_serving_en")));
        QPushButton *keep = nullptr;
        for (QAbstractButton *button : guard->question()->buttons()) {
            if (button->text() == QLatin1String("Keep serving"))
                keep = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(keep);
        QTest::mouseClick(keep, Qt::LeftButton);
        QCOMPARE(kept.count(), 1);
        QVERIFY(!window->isVisible());
        // Still serving the network.
        const QString url = window->statusBar()->currentMessage().section(QLatin1Char(' '), -1);
        QVERIFY(url.startsWith(QLatin1String("https://"))); // shared: HTTPS
        ApiClient client(url);
        client.pinnedSha256 =
            window->settings()->sharing()->shownFingerprint().section(QLatin1Char('\n'), -1);
        QCOMPARE(client.get(QStringLiteral("/health")).status, 200);
        // Starting Hearth again brings the window back.
        shell.activate();
        QVERIFY(window->isVisible());

        // The tray's menu (shown by a tray where the desktop has one).
        QMenu *menu = guard->trayMenu();
        QVERIFY(menu);
        QCOMPARE(guard->inTray(), QSystemTrayIcon::isSystemTrayAvailable());
        QMap<QString, QAction *> actions;
        for (QAction *action : menu->actions())
            if (!action->isSeparator())
                actions.insert(action->text(), action);
        QCOMPARE(actions.keys(),
                 (QStringList{QStringLiteral("New chat"), QStringLiteral("Open Hearth"),
                              QStringLiteral("Quit Hearth"), QStringLiteral("Stop sharing")}));
        window->chat()->open(QStringLiteral("open-one"),
                             {{QStringLiteral("title"), QStringLiteral("T")}});
        window->hide();
        actions.value(QStringLiteral("Open Hearth"))->trigger();
        QVERIFY(window->isVisible());
        QCOMPARE(window->chat()->conversationId(), QStringLiteral("open-one"));
        window->hide();
        actions.value(QStringLiteral("New chat"))->trigger();
        QVERIFY(window->isVisible());
        QVERIFY(window->chat()->conversationId().isEmpty()); // a new chat, ready to type
        // Stop sharing: this computer only, and the window back.
        window->hide();
        actions.value(QStringLiteral("Stop sharing"))->trigger();
        QVERIFY(window->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!QSettings().value(QStringLiteral("sharing/enabled")).toBool(),
                                 10000);
        ApiClient later(url); // a new connection: the network is no longer served
        later.pinnedSha256 = client.pinnedSha256;
        QCOMPARE(later.get(QStringLiteral("/health")).status, 0);
    }

    void aNewLanguageKeepsTheOpenConversationAndTheDraft()
    {
        QSettings().setValue(QStringLiteral("connection/mode"), QStringLiteral("local"));
        DesktopShell shell(localConfig());
        QSignalSpy shown(&shell, &DesktopShell::windowShown);
        shell.start();
        ui::MainWindow *window = waitForWindow(shown, 1);
        QVERIFY(window);
        QSignalSpy created(window->api().post(QStringLiteral("/v1/conversations"),
                                              {{QStringLiteral("title"), QStringLiteral("Kept")}}),
                           &client::ApiCall::finished);
        QVERIFY(created.wait(10000));
        const QJsonObject conversation =
            created.first().first().value<client::ApiResult>().json.object();
        const QString id = conversation.value(QLatin1String("id")).toString();
        QSignalSpy opened(window->chat(), &ui::ChatPanel::historyShown);
        window->chat()->open(id, conversation);
        QVERIFY(opened.wait(10000));
        window->chat()->composer()->setPlainText(QStringLiteral("half a thought"));

        QComboBox *language = window->settings()->language();
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        emit language->activated(language->currentIndex());
        window = waitForWindow(shown, 2);
        QVERIFY(window);
        QCOMPARE(window->chat()->conversationId(), id);
        QCOMPARE(window->chat()->conversation().value(QLatin1String("title")).toString(),
                 QStringLiteral("Kept"));
        QCOMPARE(window->chat()->composer()->toPlainText(), QStringLiteral("half a thought"));
        QCOMPARE(window->settings()->language()->currentData().toString(), QStringLiteral("zh_CN"));
        ui::installLanguage(QStringLiteral("en"));
        QSettings().remove(QStringLiteral("appearance/language"));
    }

    // The same dialogs in Chinese, for a person to review.
    void screenshotsInChinese()
    {
        ui::installLanguage(QStringLiteral("zh_CN"));
        QSettings().setValue(QStringLiteral("connection/mode"), QStringLiteral("local"));
        {
            DesktopShell shell(localConfig());
            QSignalSpy shown(&shell, &DesktopShell::windowShown);
            shell.start();
            ui::MainWindow *window = waitForWindow(shown, 1);
            QVERIFY(window);
            ui::FormDialog *dialog =
                fillConnectDialog(window, m_remote.baseUrl(), QStringLiteral("wrong password"));
            QVERIFY(dialog);
            dialog->submit();
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->shownError().isEmpty(), 10000);
            QCOMPARE(dialog->shownError(), QStringLiteral("邮箱或密码不正确"));
            QVERIFY(saveScreenshot(*dialog, QStringLiteral("connect_dialog_zh_CN")));
            dialog->findChildren<QLineEdit *>().at(2)->setText(TestServer::adminPassword);
            dialog->submit();
            window = waitForWindow(shown, 2);
            QVERIFY(window);
            QVERIFY(window->settings()->connection()->shownText().contains(m_remote.baseUrl()));
            QVERIFY(saveScreenshot(*window, QStringLiteral("settings_remote_zh_CN")));
            QTest::mouseClick(window->settings()->connection()->localButton(), Qt::LeftButton);
            window = waitForWindow(shown, 3);
            QVERIFY(window);
            dialog = fillConnectDialog(window, m_sharedTls.baseUrl(), TestServer::adminPassword);
            QVERIFY(dialog);
            dialog->submit();
            QTRY_VERIFY_WITH_TIMEOUT(dialog->shownError().contains(m_sharedTls.tlsFingerprint()),
                                     10000);
            QVERIFY(dialog->shownError().contains(QStringLiteral("指纹")));
            QVERIFY(saveScreenshot(*dialog, QStringLiteral("connect_trust_certificate_zh_CN")));
            dialog->reject();
        }
        DesktopShell shell(localConfig(QStringLiteral("0.0.0.0")));
        QSignalSpy shown(&shell, &DesktopShell::windowShown);
        shell.start();
        ui::MainWindow *window = waitForWindow(shown, 1);
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        KeepServingGuard *guard = shell.findChild<KeepServingGuard *>();
        window->close();
        QTRY_VERIFY_WITH_TIMEOUT(guard->question() && guard->question()->isVisible(), 5000);
        QVERIFY(saveScreenshot(*guard->question(), QStringLiteral("keep_serving_zh_CN")));
        guard->question()->reject(); // Cancel: the window stays
        QVERIFY(window->isVisible());
        ui::installLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestDesktopShell)
#include "tst_desktop_shell.moc"
