#include "ApiClient.h"
#include "FakeUpstream.h"
#include "FreePorts.h"
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/ChatPanel.h"
#include "app/Composer.h"
#include "app/ConnectModelCard.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "app/ModelPicker.h"
#include "app/Theme.h"
#include "client/ApiConnection.h"

#include <QtCore/QJsonArray>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

using namespace hearth;

namespace {
const QString goodKey = QStringLiteral("sk-first-run-good-0123456789abcdef");
const QString wrongKey = QStringLiteral("sk-TYPO-first-run-0123456789abcdef");
const QString userEmail = QStringLiteral("member@example.com");
const QString userPassword = QStringLiteral("member password 1");
} // namespace

// The first run: a server whose only model is the offline demo offers, in
// the empty chat, to connect a provider. A pasted key is tested at once (a
// wrong one is explained and nothing is saved), a working one is saved, the
// model picker fills with the provider's models and the next message goes
// there. Ollama is looked for; people who are not admins are told whom to ask.
class TestFirstRun final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<client::ApiConnection> m_api;
    std::unique_ptr<ui::MainWindow> m_window;

    ui::ChatPanel *chat() const { return m_window->chat(); }
    ui::ConnectModelCard *card() const { return chat()->connectCard(); }
    QJsonArray providers() { return m_admin->get(QStringLiteral("/v1/admin/providers")).array(); }

    bool openWindow(const QString &email, const QString &password)
    {
        m_api = signedInConnection(m_server.baseUrl(), email, password);
        if (!m_api)
            return false;
        m_window = std::make_unique<ui::MainWindow>(*m_api);
        m_window->resize(1100, 760);
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get()) &&
               QTest::qWaitFor([this] { return card()->isVisible(); }, 10000);
    }
    // As a person pastes: the clipboard into the focused key field.
    void pasteKey(const QString &key)
    {
        card()->keyField()->clear();
        QGuiApplication::clipboard()->setText(key);
        card()->keyField()->setFocus();
        card()->keyField()->paste();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_admin = std::make_unique<ApiClient>(m_server.baseUrl());
        m_admin->login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(m_admin
                     ->post(QStringLiteral("/v1/admin/users"),
                            {{QStringLiteral("email"), userEmail},
                             {QStringLiteral("password"), userPassword}})
                     .status,
                 201);
        ui::installLanguage(QStringLiteral("en"));
    }

    void cleanup()
    {
        m_window.reset();
        m_api.reset();
        m_upstream.requireKey({});
        for (const QJsonValue &p : providers())
            m_admin->del(QStringLiteral("/v1/admin/providers/") +
                         p.toObject().value(QLatin1String("id")).toString());
        ui::installLanguage(QStringLiteral("en"));
        ui::applyTheme(QStringLiteral("system"));
    }

    void aKeyIsPastedTestedSavedAndAnswers()
    {
        QVERIFY(openWindow(TestServer::adminEmail, TestServer::adminPassword));
        QVERIFY(!chat()->view()->isVisible()); // the offer takes the empty chat's place
        QCOMPARE(card()->choice(), 0);         // DeepSeek first
        QVERIFY(card()->keyField()->isVisible());
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("first_run_en")));

        m_upstream.requireKey(goodKey.toUtf8());
        card()->addressField()->setText(m_upstream.baseUrl()); // the internet stands in here
        QSignalSpy failed(card(), &ui::ConnectModelCard::failed);
        QSignalSpy connected(card(), &ui::ConnectModelCard::connected);
        pasteKey(wrongKey); // tested with no button pressed
        QVERIFY(failed.wait(10000));
        QVERIFY2(card()->status().contains(QLatin1String("did not accept the API key")),
                 qPrintable(card()->status()));
        QVERIFY(card()->status().contains(QLatin1String("Authentication Fails")));
        QVERIFY(!card()->status().contains(QLatin1String("TYPO"))); // the key is never shown
        QCOMPARE(providers().size(), 0);
        QVERIFY(card()->isVisible());
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("first_run_wrong_key_en")));

        pasteKey(goodKey);
        QVERIFY(connected.wait(10000));
        QCOMPARE(connected.first().at(0).toString(), QStringLiteral("DeepSeek"));
        QCOMPARE(connected.first().at(1).toString(), QStringLiteral("fake-stream"));
        const QJsonArray saved = providers();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("DeepSeek"));
        QCOMPARE(saved.first().toObject().value(QLatin1String("baseUrl")).toString(),
                 m_upstream.baseUrl());
        QVERIFY(card()->keyField()->text().isEmpty()); // not kept in the window

        // The picker now holds the provider's models, the first chat model chosen.
        QComboBox *models = chat()->modelPicker();
        QTRY_COMPARE_WITH_TIMEOUT(models->currentData().toString(), QStringLiteral("fake-stream"),
                                  10000);
        QCOMPARE(models->findData(QStringLiteral("hearth-demo")), -1);
        QCOMPARE(models->count(), FakeUpstream::models().size());
        QVERIFY(!card()->isVisible());
        QVERIFY(chat()->view()->isVisible());
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("first_run_connected_en")));

        // The first message goes to the chosen model and its reply streams in.
        QVERIFY(chooseModel(chat(), QStringLiteral("fake-echo")));
        QSignalSpy finished(chat(), &ui::ChatPanel::replyFinished);
        chat()->composer()->setPlainText(QStringLiteral("Hello from a first run"));
        chat()->send();
        QVERIFY(finished.wait(15000));
        const QList<ui::MessageBubble *> bubbles = chat()->view()->bubbles();
        QCOMPARE(bubbles.size(), 2);
        QVERIFY2(bubbles.last()->text().contains(QLatin1String("Hello from a first run")),
                 qPrintable(bubbles.last()->text()));
        const FakeUpstream::Received &request = m_upstream.received.last();
        QCOMPARE(request.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(request.body.value(QLatin1String("model")).toString(),
                 QStringLiteral("fake-echo"));
        QCOMPARE(request.headers.value("authorization"), "Bearer " + goodKey.toUtf8());
    }

    void ollamaIsLookedForAndExplained()
    {
        QVERIFY(openWindow(TestServer::adminEmail, TestServer::adminPassword));
        card()->choose(2);
        QVERIFY(!card()->keyField()->isVisible()); // Ollama needs no key
        QVERIFY(card()->addressField()->text().endsWith(QLatin1String(":11434/v1")));

        const quint16 closedPort = freePorts(1).value(0);
        card()->addressField()->setText(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort));
        emit card()->addressField()->editingFinished();
        QTRY_VERIFY_WITH_TIMEOUT(
            card()->status().startsWith(QLatin1String("Ollama is not running on this computer")),
            10000);
        QVERIFY(card()->status().contains(QLatin1String("ollama pull")));
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("first_run_ollama_en")));

        card()->addressField()->setText(m_upstream.baseUrl());
        emit card()->addressField()->editingFinished();
        QTRY_VERIFY_WITH_TIMEOUT(
            card()->status().startsWith(QStringLiteral("Ollama is running here with %1 models")
                                            .arg(FakeUpstream::models().size())),
            10000);
        QSignalSpy connected(card(), &ui::ConnectModelCard::connected);
        QTest::mouseClick(card()->connectButton(), Qt::LeftButton);
        QVERIFY(connected.wait(10000));
        QCOMPARE(connected.first().at(0).toString(), QStringLiteral("Ollama"));
        QCOMPARE(providers().first().toObject().value(QLatin1String("apiKey")),
                 QJsonValue()); // none was given
        QTRY_VERIFY_WITH_TIMEOUT(!card()->isVisible(), 10000);
    }

    void aKeyIsAskedForBeforeAnythingIsSent()
    {
        QVERIFY(openWindow(TestServer::adminEmail, TestServer::adminPassword));
        const qsizetype requests = m_upstream.received.size();
        QSignalSpy failed(card(), &ui::ConnectModelCard::failed);
        QTest::mouseClick(card()->connectButton(), Qt::LeftButton);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(card()->status(), QStringLiteral("Paste your API key first."));
        QCOMPARE(m_upstream.received.size(), requests);

        // "Not now" keeps the demo, and the empty chat comes back.
        auto *later = card()->findChild<QPushButton *>(QStringLiteral("notNowButton"));
        QVERIFY(later);
        QTest::mouseClick(later, Qt::LeftButton);
        QVERIFY(!card()->isVisible());
        QVERIFY(chat()->view()->isVisible());
        QCOMPARE(chat()->modelPicker()->currentData().toString(), QStringLiteral("hearth-demo"));
    }

    void someoneWhoIsNotAnAdminIsToldWhomToAsk()
    {
        QVERIFY(openWindow(userEmail, userPassword));
        QVERIFY(!card()->connectButton()->isVisible());
        QVERIFY(!card()->keyField()->isVisible());
        bool saysWhomToAsk = false;
        for (const QLabel *label : card()->findChildren<QLabel *>())
            saysWhomToAsk |= label->isVisible() && label->text().contains(QLatin1String("admin"));
        QVERIFY(saysWhomToAsk);
    }

    void inTheDark_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh") << QStringLiteral("zh_CN");
    }
    void inTheDark()
    {
        QFETCH(QString, language);
        ui::installLanguage(language);
        ui::applyTheme(QStringLiteral("dark"));
        QVERIFY(openWindow(TestServer::adminEmail, TestServer::adminPassword));
        QVERIFY(card()->palette().color(QPalette::Base).lightness() < 128);
        card()->choose(2); // Ollama, with its install hint
        QTRY_VERIFY_WITH_TIMEOUT(card()->connectButton()->isEnabled() &&
                                     !card()->status().isEmpty() &&
                                     !card()->status().startsWith(QLatin1String("Looking")) &&
                                     !card()->status().startsWith(QStringLiteral("正在")),
                                 10000);
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("first_run_dark_") + language.left(2)));
    }

    void inChinese()
    {
        ui::installLanguage(QStringLiteral("zh_CN"));
        QVERIFY(openWindow(TestServer::adminEmail, TestServer::adminPassword));
        QCOMPARE(card()->connectButton()->text(), QStringLiteral("连接"));
        // The built-in model is named in Chinese too, though the server names it in English.
        QTRY_COMPARE(chat()->modelPicker()->currentText(), QStringLiteral("Hearth 演示（离线）"));
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("first_run_zh")));
        // The provider's refusal in Chinese, its own words after the colon.
        m_upstream.requireKey(goodKey.toUtf8());
        card()->addressField()->setText(m_upstream.baseUrl());
        QSignalSpy failed(card(), &ui::ConnectModelCard::failed);
        pasteKey(wrongKey);
        QVERIFY(failed.wait(10000));
        QVERIFY2(card()->status().startsWith(QStringLiteral("服务商不接受这个 API 密钥（401）：")),
                 qPrintable(card()->status()));
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("first_run_wrong_key_zh")));
        card()->choose(2);
        QTRY_VERIFY_WITH_TIMEOUT(!card()->status().isEmpty() &&
                                     !card()->status().contains(QStringLiteral("正在")),
                                 10000);
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("first_run_ollama_zh")));
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_first_run.moc"
