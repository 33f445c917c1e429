#include "ApiClient.h"
#include "FakeUpstream.h"
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/AdminDatabasePage.h"
#include "app/AdminLogPage.h"
#include "app/AdminPanel.h"
#include "app/AdminProvidersPage.h"
#include "app/AdminSettingsPage.h"
#include "app/AdminUsagePage.h"
#include "app/AdminUsersPage.h"
#include "app/FormDialog.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/UsageChart.h"
#include "client/ApiConnection.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableWidget>

using namespace hearth;

// The admin panel of the desktop app against a real server and a fake model
// provider, on the offscreen platform: people, providers, usage with CSV
// export, the access log and the server's settings.
class TestAdminPanel final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    std::unique_ptr<client::ApiConnection> m_api;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ApiClient> m_checker;
    ApiClient &check() { return *m_checker; }

    ui::AdminPanel *panel() const { return m_window->admin(); }
    static QLineEdit *field(QWidget *dialog, const QString &name)
    {
        for (auto *edit : dialog->findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == name)
                return edit;
        }
        return nullptr;
    }
    static QCheckBox *checkBox(QWidget *dialog, const QString &name)
    {
        for (auto *box : dialog->findChildren<QCheckBox *>()) {
            if (box->accessibleName() == name)
                return box;
        }
        return nullptr;
    }
    static int rowOf(QTableWidget *table, const QString &firstCell)
    {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == firstCell)
                return row;
        }
        return -1;
    }
    // Switches the panel to `page` and waits for the load that showing it starts.
    template<typename Page> bool shown(Page *page)
    {
        QSignalSpy loaded(page, &Page::loaded);
        panel()->setCurrentWidget(page);
        return loaded.wait(10000);
    }
    template<typename Page> static bool reloaded(Page *page)
    {
        QSignalSpy loaded(page, &Page::loaded);
        page->reload();
        return loaded.wait(10000);
    }
    void save(const QString &name) { QVERIFY(saveScreenshot(*m_window, name)); }
    void openWindow(const QString &language)
    {
        ui::installLanguage(language);
        m_window.reset();
        m_window = std::make_unique<ui::MainWindow>(*m_api);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // Built when first needed: the window opens without its six pages.
        QVERIFY(!m_window->findChild<ui::AdminPanel *>());
        QVERIFY(panel());
        QCOMPARE(m_window->findChild<ui::AdminPanel *>(), panel());
    }

private slots:
    void initTestCase()
    {
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        m_server.config.accessLog = true;
        m_server.config.chatRateLimit.clear(); // the admin sets it in the panel
        QVERIFY(m_server.start());
        m_checker = std::make_unique<ApiClient>(m_server.baseUrl());
        check().login(TestServer::adminEmail, TestServer::adminPassword);
        // Something to count: one chat through the fake provider.
        const QString conversation = check()
                                         .post(QStringLiteral("/v1/conversations"),
                                               {{QStringLiteral("title"), QStringLiteral("t")}})
                                         .json()
                                         .value(QLatin1String("id"))
                                         .toString();
        QCOMPARE(check()
                     .post(QStringLiteral("/v1/conversations/") + conversation +
                               QStringLiteral("/messages"),
                           {{QStringLiteral("role"), QStringLiteral("user")},
                            {QStringLiteral("content"), QStringLiteral("hello")},
                            {QStringLiteral("model"), QStringLiteral("fake-stream")}})
                     .status,
                 200);
        m_api = signedInConnection(m_server.baseUrl(), TestServer::adminEmail,
                                   TestServer::adminPassword);
        QVERIFY(m_api);
        openWindow(QStringLiteral("en"));
    }
    void cleanupTestCase()
    {
        m_window.reset();
        m_api.reset();
    }

    void onlyAdminsGetThePanel()
    {
        QCOMPARE(check()
                     .post(QStringLiteral("/v1/admin/users"),
                           {{QStringLiteral("email"), QStringLiteral("plain@example.com")},
                            {QStringLiteral("password"), QStringLiteral("plain-password")}})
                     .status,
                 201);
        const auto plain =
            signedInConnection(m_server.baseUrl(), QStringLiteral("plain@example.com"),
                               QStringLiteral("plain-password"));
        QVERIFY(plain);
        QCOMPARE(plain->user().value(QLatin1String("role")).toString(), QStringLiteral("user"));
        ui::MainWindow window(*plain);
        QVERIFY(!window.admin());
    }

    void addUserChangeRoleAndDisable()
    {
        ui::AdminUsersPage *users = panel()->users();
        QSignalSpy usersLoaded(users, &ui::AdminUsersPage::loaded);
        m_window->showAdmin(); // loads the page it opens on
        QVERIFY(usersLoaded.wait(10000));
        QVERIFY(rowOf(users->table(), TestServer::adminEmail) >= 0);

        ui::FormDialog *dialog = users->openAddUser();
        field(dialog, QStringLiteral("Email"))->setText(QStringLiteral("new@example.com"));
        field(dialog, QStringLiteral("Name"))->setText(QStringLiteral("New Person"));
        // Too short a password: the form stays open and says why.
        field(dialog, QStringLiteral("Password"))->setText(QStringLiteral("short"));
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->shownError().isEmpty(), 10000);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->shownError().contains(QLatin1String("password")));
        field(dialog, QStringLiteral("Password"))->setText(QStringLiteral("a-good-password"));
        QSignalSpy reloadedAfterAdd(users, &ui::AdminUsersPage::loaded);
        dialog->submit();
        QVERIFY(reloadedAfterAdd.wait(10000));
        const int row = rowOf(users->table(), QStringLiteral("new@example.com"));
        QVERIFY(row >= 0);
        QCOMPARE(users->table()->item(row, 1)->text(), QStringLiteral("New Person"));
        QCOMPARE(users->table()->item(row, 2)->text(), QStringLiteral("User"));

        // Make them an admin, then disable them, with the page's buttons.
        users->table()->selectRow(row);
        auto buttonLabelled = [&](const QString &text) -> QPushButton * {
            for (auto *button : users->findChildren<QPushButton *>()) {
                if (button->text() == text)
                    return button;
            }
            return nullptr;
        };
        QSignalSpy afterRole(users, &ui::AdminUsersPage::loaded);
        buttonLabelled(QStringLiteral("Make admin"))->click();
        QVERIFY(afterRole.wait(10000));
        users->table()->selectRow(rowOf(users->table(), QStringLiteral("new@example.com")));
        QSignalSpy afterDisable(users, &ui::AdminUsersPage::loaded);
        buttonLabelled(QStringLiteral("Disable"))->click();
        QVERIFY(afterDisable.wait(10000));

        bool found = false;
        for (const QJsonValue &v : check().get(QStringLiteral("/v1/admin/users")).array()) {
            const QJsonObject user = v.toObject();
            if (user.value(QLatin1String("email")).toString() != QLatin1String("new@example.com"))
                continue;
            found = true;
            QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
            QCOMPARE(user.value(QLatin1String("disabled")).toBool(), true);
        }
        QVERIFY(found);
        save(QStringLiteral("admin_users_en"));
    }

    void setAndClearAQuota()
    {
        ui::AdminUsersPage *users = panel()->users();
        QVERIFY(reloaded(users));
        const QString email = QStringLiteral("new@example.com");
        users->table()->selectRow(rowOf(users->table(), email));
        ui::FormDialog *dialog = users->openQuota();
        auto *daily = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("dailyQuota"));
        auto *monthly = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("monthlyQuota"));
        QVERIFY(daily && monthly);
        QVERIFY(!daily->isEnabled()); // no own quota yet: the server default
        checkBox(dialog, QStringLiteral("Set Tokens per day"))->setChecked(true);
        QVERIFY(daily->isEnabled());
        daily->setValue(5000);
        auto *storage = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("storageQuota"));
        QVERIFY(storage && !storage->isEnabled());
        checkBox(dialog, QStringLiteral("Set Attachment storage"))->setChecked(true);
        storage->setValue(200);
        QVERIFY(saveScreenshot(*dialog, QStringLiteral("admin_quota_en")));
        QSignalSpy saved(users, &ui::AdminUsersPage::loaded);
        dialog->submit();
        QVERIFY(saved.wait(10000));
        const auto quotaOnServer = [&] {
            for (const QJsonValue &v : check().get(QStringLiteral("/v1/admin/users")).array()) {
                if (v[QLatin1String("email")].toString() == email)
                    return v[QLatin1String("quota")].toObject();
            }
            return QJsonObject();
        };
        QCOMPARE(quotaOnServer().value(QLatin1String("dailyTokens")).toInteger(), 5000);
        QVERIFY(quotaOnServer().value(QLatin1String("monthlyTokens")).isNull());
        QCOMPARE(quotaOnServer().value(QLatin1String("storageBytes")).toInteger(),
                 200 * 1024 * 1024);
        const int row = rowOf(users->table(), email);
        QCOMPARE(users->table()->item(row, 6)->text(), QStringLiteral("Server default"));
        QVERIFY(users->table()->item(row, 5)->text() != QStringLiteral("Server default"));

        // Opened again it shows the quota; unticking gives the default back.
        users->table()->selectRow(row);
        dialog = users->openQuota();
        daily = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("dailyQuota"));
        QVERIFY(daily->isEnabled());
        QCOMPARE(daily->value(), 5000.0);
        QCOMPARE(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("storageQuota"))->value(),
                 200.0);
        checkBox(dialog, QStringLiteral("Set Tokens per day"))->setChecked(false);
        checkBox(dialog, QStringLiteral("Set Attachment storage"))->setChecked(false);
        QSignalSpy cleared(users, &ui::AdminUsersPage::loaded);
        dialog->submit();
        QVERIFY(cleared.wait(10000));
        QVERIFY(quotaOnServer().value(QLatin1String("dailyTokens")).isNull());
        QVERIFY(quotaOnServer().value(QLatin1String("storageBytes")).isNull());
    }

    void addAndTestAProvider()
    {
        ui::AdminProvidersPage *providers = panel()->providers();
        QVERIFY(shown(providers));
        const int before = providers->table()->rowCount();
        ui::FormDialog *dialog = providers->openEditor();
        // The first preset fills in DeepSeek; pick Custom and point it at our fake.
        auto *preset = dialog->findChild<QComboBox *>();
        QCOMPARE(field(dialog, QStringLiteral("Address"))->text(),
                 QStringLiteral("https://api.deepseek.com/v1"));
        preset->setCurrentIndex(preset->count() - 1);
        QVERIFY(field(dialog, QStringLiteral("Address"))->text().isEmpty());
        field(dialog, QStringLiteral("Name"))->setText(QStringLiteral("Workshop"));
        field(dialog, QStringLiteral("Address"))->setText(m_upstream.baseUrl());
        field(dialog, QStringLiteral("API key"))->setText(QStringLiteral("sk-test-secret-1234"));
        QSignalSpy afterSave(providers, &ui::AdminProvidersPage::loaded);
        dialog->submit();
        QVERIFY(afterSave.wait(10000));
        QCOMPARE(providers->table()->rowCount(), before + 1);
        const int row = rowOf(providers->table(), QStringLiteral("Workshop"));
        QVERIFY(row >= 0);
        // The key is only ever shown masked.
        const QString shownKey = providers->table()->item(row, 2)->text();
        QVERIFY2(!shownKey.contains(QLatin1String("secret")), qPrintable(shownKey));
        QVERIFY(shownKey.endsWith(QLatin1String("1234")));
        QVERIFY(providers->table()->item(row, 3)->text().toInt() > 0);

        providers->table()->selectRow(row);
        QSignalSpy tested(providers, &ui::AdminProvidersPage::tested);
        providers->testSelected();
        QVERIFY(tested.wait(10000));
        QCOMPARE(tested.first().first().toBool(), true);
        QVERIFY(providers->statusText().contains(QLatin1String("Workshop answered")));

        // Editing without typing a key keeps the stored one.
        ui::FormDialog *edit = providers->openEditor(providers->providers().at(row).toObject());
        QVERIFY(field(edit, QStringLiteral("API key"))->placeholderText().contains(shownKey));
        field(edit, QStringLiteral("Name"))->setText(QStringLiteral("Workshop 2"));
        QSignalSpy afterEdit(providers, &ui::AdminProvidersPage::loaded);
        edit->submit();
        QVERIFY(afterEdit.wait(10000));
        const int edited = rowOf(providers->table(), QStringLiteral("Workshop 2"));
        QVERIFY(edited >= 0);
        QCOMPARE(providers->table()->item(edited, 2)->text(), shownKey);
        save(QStringLiteral("admin_providers_en"));
    }

    void usageMatchesTheServerAndExportsCsv()
    {
        ui::AdminUsagePage *usage = panel()->usage();
        QVERIFY(shown(usage));
        const QJsonObject totals = check()
                                       .get(QStringLiteral("/v1/admin/usage"))
                                       .json()
                                       .value(QLatin1String("totals"))
                                       .toObject();
        QCOMPARE(usage->shownTotals(), totals);
        QVERIFY(totals.value(QLatin1String("requests")).toInt() >= 1);
        QVERIFY(usage->chart()->largestDay() > 0);
        QVERIFY(rowOf(usage->userTable(), TestServer::adminEmail) >= 0);

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("usage.csv"));
        QSignalSpy exported(usage, &ui::AdminUsagePage::exported);
        usage->exportCsv(file);
        QVERIFY(!usage->exportProgress()->isHidden());
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().first().toString(), QString());
        QVERIFY(usage->exportProgress()->isHidden());
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), totals.value(QLatin1String("requests")).toInt() + 1);
        QVERIFY(lines.first().contains("model"));
        save(QStringLiteral("admin_usage_en"));

        // Nowhere to write: a plain error, no file, the button usable again.
        QSignalSpy failed(usage, &ui::AdminUsagePage::exported);
        usage->exportCsv(dir.filePath(QStringLiteral("missing/folder/usage.csv")));
        QVERIFY(failed.wait(10000));
        QVERIFY(!failed.first().first().toString().isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing/folder/usage.csv"))));
    }

    void accessLogFilters()
    {
        ui::AdminLogPage *log = panel()->log();
        QVERIFY(shown(log));
        // Entries are written in half-second batches: look again until they are in.
        QTRY_VERIFY_WITH_TIMEOUT(reloaded(log) && log->table()->rowCount() > 0, 10000);
        log->pathFilter()->setText(QStringLiteral("/v1/admin/users"));
        QVERIFY(reloaded(log));
        QVERIFY(log->table()->rowCount() > 0);
        for (int row = 0; row < log->table()->rowCount(); ++row)
            QVERIFY(log->table()->item(row, 3)->text().contains(QLatin1String("/v1/admin/users")));
        // Users are named by email, not by id.
        QCOMPARE(log->table()->item(0, 2)->text(), TestServer::adminEmail);
        log->pathFilter()->clear();
        QVERIFY(reloaded(log));
    }

    void settingsSaveToTheServer()
    {
        ui::AdminSettingsPage *settings = panel()->settings();
        QVERIFY(shown(settings));
        settings->perMinute()->setValue(7);
        settings->storageMegabytes()->setValue(50);
        QSignalSpy saved(settings, &ui::AdminSettingsPage::saved);
        settings->save();
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toBool(), true);
        const QJsonObject stored = check().get(QStringLiteral("/v1/admin/settings")).json();
        QCOMPARE(stored.value(QLatin1String("chatRateLimit"))
                     .toObject()
                     .value(QLatin1String("perMinute"))
                     .toInt(),
                 7);
        QCOMPARE(stored[QLatin1String("defaultQuota")][QLatin1String("storageBytes")].toInteger(),
                 50 * 1024 * 1024);
        QCOMPARE(settings->shownSettings(), stored);
        // "No limit" is sent as null.
        settings->perMinute()->setValue(0);
        settings->storageMegabytes()->setValue(0);
        QSignalSpy savedAgain(settings, &ui::AdminSettingsPage::saved);
        settings->save();
        QVERIFY(savedAgain.wait(10000));
        QVERIFY(check()
                    .get(QStringLiteral("/v1/admin/settings"))
                    .json()
                    .value(QLatin1String("chatRateLimit"))
                    .toObject()
                    .value(QLatin1String("perMinute"))
                    .isNull());
        QVERIFY(check()
                    .get(QStringLiteral("/v1/admin/settings"))
                    .json()[QLatin1String("defaultQuota")][QLatin1String("storageBytes")]
                    .isNull());
        save(QStringLiteral("admin_settings_en"));
    }

    void backUpSaveAndCopyTheDatabase()
    {
        ui::AdminDatabasePage *page = panel()->database();
        QVERIFY(shown(page));
        QSignalSpy finished(page, &ui::AdminDatabasePage::jobFinished);
        page->startBackup();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().first().toString(), QStringLiteral("done"));
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("saved.db"));
        QSignalSpy savedSpy(page, &ui::AdminDatabasePage::backupSaved);
        page->saveBackup(saved);
        QVERIFY(savedSpy.wait(30000));
        QCOMPARE(savedSpy.last().first().toString(), QString());
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(16) == QByteArray("SQLite format 3\0", 16));

        const QString copy = dir.filePath(QStringLiteral("copy.db"));
        page->destination()->setText(copy);
        page->startCopy(copy);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().first().toString(), QStringLiteral("done"));
        QVERIFY(page->counts()->rowCount() >= 10);
        for (int row = 0; row < page->counts()->rowCount(); ++row)
            QCOMPARE(page->counts()->item(row, 2)->text(), page->counts()->item(row, 1)->text());
        save(QStringLiteral("admin_database_en"));
        // Again into the same file: refused, in plain words.
        page->startCopy(copy);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().first().toString(), QStringLiteral("failed"));
        QVERIFY2(page->statusText().contains(QLatin1String("exists")),
                 qPrintable(page->statusText()));
    }

    void screenshotsInChinese()
    {
        openWindow(QStringLiteral("zh_CN"));
        QSignalSpy usersLoaded(panel()->users(), &ui::AdminUsersPage::loaded);
        m_window->showAdmin();
        QVERIFY(usersLoaded.wait(10000));
        save(QStringLiteral("admin_users_zh_CN"));
        panel()->users()->table()->selectRow(0);
        ui::FormDialog *quota = panel()->users()->openQuota();
        QVERIFY(saveScreenshot(*quota, QStringLiteral("admin_quota_zh_CN")));
        quota->reject();
        QVERIFY(shown(panel()->providers()));
        save(QStringLiteral("admin_providers_zh_CN"));
        QVERIFY(shown(panel()->usage()));
        save(QStringLiteral("admin_usage_zh_CN"));
        QVERIFY(shown(panel()->settings()));
        save(QStringLiteral("admin_settings_zh_CN"));
        QVERIFY(shown(panel()->database()));
        save(QStringLiteral("admin_database_zh_CN"));
        ui::installLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestAdminPanel)
#include "tst_admin_panel.moc"
