#include "ApiClient.h"
#include "FakeUpstream.h"
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/ChatPanel.h"
#include "app/Composer.h"
#include "app/ConversationSidebar.h"
#include "app/FindBar.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "app/ReasoningBlock.h"
#include "app/UsageChart.h"
#include "app/UsagePage.h"
#include "client/ApiConnection.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QToolButton>

using namespace hearth;

// The chat window against a real server (and a fake model provider), on the
// offscreen platform. Saves screenshots to build/screenshots.
class TestChatWindow final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;

    std::unique_ptr<client::ApiConnection> signIn()
    {
        return signedInConnection(m_server.baseUrl(), TestServer::adminEmail,
                                  TestServer::adminPassword);
    }
    static bool chooseModel(ui::MainWindow &window, const QString &id)
    {
        return ::chooseModel(window.chat(), id);
    }
    static void save(QWidget &widget, const QString &name)
    {
        QVERIFY(saveScreenshot(widget, name));
    }

private slots:
    void initTestCase()
    {
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        QVERIFY(m_server.start());
    }

    void sendAndWatchTheReplyStreamIn_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("question");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("How do people say hello?");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("人们怎么打招呼？");
    }
    void sendAndWatchTheReplyStreamIn()
    {
        QFETCH(QString, language);
        QFETCH(QString, question);
        ui::installLanguage(language);
        auto api = signIn();
        QVERIFY(api);
        QCOMPARE(api->user().value(QLatin1String("email")).toString(), TestServer::adminEmail);
        ui::MainWindow window(*api);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(chooseModel(window, QStringLiteral("fake-markdown")));

        window.chat()->composer()->setPlainText(question);
        QTest::keyClick(window.chat()->composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window.chat()->view()->bubbles().size(), 2, 10000);
        QCOMPARE(window.chat()->view()->bubbles().at(0)->text(), question);
        QVERIFY(window.chat()->composer()->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!window.chat()->isStreaming(), 10000);
        const QString reply = window.chat()->view()->bubbles().at(1)->text();
        QVERIFY2(reply.contains(QStringLiteral("你好")) && reply.contains(QLatin1String("```cpp")),
                 qPrintable(reply));

        // The new conversation is in the sidebar, named after the question.
        QTRY_VERIFY_WITH_TIMEOUT(window.sidebar()->conversationCount() >= 1, 10000);
        QVERIFY(!window.chat()->conversationId().isEmpty());
        QCOMPARE(window.sidebar()->currentId(), window.chat()->conversationId());

        // And the server has both messages.
        ApiClient check(m_server.baseUrl());
        check.login(TestServer::adminEmail, TestServer::adminPassword);
        const QJsonArray stored =
            check
                .get(QStringLiteral("/v1/conversations/") + window.chat()->conversationId() +
                     QStringLiteral("/messages"))
                .array();
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored[1].toObject().value(QLatin1String("content")).toString(), reply);
        save(window, QStringLiteral("chat_") + language);

        // The usage page shows what /v1/me/usage says.
        QSignalSpy usageLoaded(window.usage(), &ui::UsagePage::loaded);
        window.showUsage();
        QVERIFY(usageLoaded.wait(10000));
        const QJsonObject expected = check.get(QStringLiteral("/v1/me/usage")).json();
        QCOMPARE(window.usage()->shownUsage(), expected);
        const qint64 total = qint64(expected.value(QLatin1String("total"))
                                        .toObject()
                                        .value(QLatin1String("totalTokens"))
                                        .toDouble());
        QVERIFY(total > 0);
        bool totalShown = false;
        for (QLabel *label : window.usage()->findChildren<QLabel *>())
            totalShown = totalShown || label->text().contains(QLocale().toString(total));
        QVERIFY(totalShown);
        auto *records = window.usage()->recordTable();
        QVERIFY(records->rowCount() >= 1);
        // Thirty days of bars, today's the tallest (all calls were today),
        // and a model table that matches this month's figures.
        QCOMPARE(window.usage()->chart()->dayCount(), 30);
        QCOMPARE(window.usage()->chart()->largestDay(),
                 qint64(expected.value(QLatin1String("today"))
                            .toObject()
                            .value(QLatin1String("totalTokens"))
                            .toDouble()));
        QTableWidget *models = window.usage()->modelTable();
        QCOMPARE(models->rowCount(), 1);
        QCOMPARE(models->item(0, 0)->text(), QStringLiteral("fake-markdown"));
        QCOMPARE(models->item(0, 2)->text(),
                 QLocale().toString(qint64(expected.value(QLatin1String("month"))
                                               .toObject()
                                               .value(QLatin1String("totalTokens"))
                                               .toDouble())));
        QCOMPARE(records->item(0, 1)->text(), QStringLiteral("fake-markdown"));
        save(window, QStringLiteral("usage_") + language);
    }

    void reasoningShowsWhileTheModelThinks_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("thinking");
        QTest::addColumn<QString>("thought");
        // However long the machine took: whole seconds, at least one.
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Thinking")
                            << QStringLiteral("^Thought for [1-9][0-9]* s$");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("思考中")
                               << QStringLiteral("^已思考 [1-9][0-9]* 秒$");
    }
    void reasoningShowsWhileTheModelThinks()
    {
        QFETCH(QString, language);
        QFETCH(QString, thinking);
        QFETCH(QString, thought);
        ui::installLanguage(language);
        auto api = signIn();
        QVERIFY(api);
        ui::MainWindow window(*api);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(chooseModel(window, QStringLiteral("fake-reasoner-gated")));
        QSignalSpy gate(&m_upstream, &FakeUpstream::gateReached);
        window.chat()->composer()->setPlainText(QStringLiteral("Is it worth it?"));
        window.chat()->send();
        QVERIFY(gate.wait(10000));

        // The provider is still thinking: its first thought is on screen.
        ui::ReasoningBlock *block = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(window.chat()->view()->bubbles().size() == 2 &&
                                     (block = window.chat()->view()->bubbles().at(1)->reasoning()),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(block->findChild<QLabel *>(QStringLiteral("reasoningText"))
                                     ->text()
                                     .contains(QLatin1String("Weighing")),
                                 10000);
        QVERIFY(block->isThinking());
        QVERIFY(block->isExpanded());
        QVERIFY2(block->title().startsWith(thinking), qPrintable(block->title()));
        save(window, QStringLiteral("chat_thinking_") + language);

        m_upstream.releaseGate();
        QTRY_VERIFY_WITH_TIMEOUT(!window.chat()->isStreaming(), 10000);
        ui::MessageBubble *reply = window.chat()->view()->bubbles().at(1);
        QCOMPARE(reply->reasoning(), block);
        QVERIFY(!block->isThinking());
        QVERIFY(!block->isExpanded()); // folded once the answer came
        QVERIFY2(QRegularExpression(thought).match(block->title()).hasMatch(),
                 qPrintable(block->title()));
        QCOMPARE(block->text(), QStringLiteral("Weighing the question."));
        // Copy and Edit take the answer alone.
        QCOMPARE(reply->text(), QStringLiteral(" and last"));
        save(window, QStringLiteral("chat_thought_") + language);

        // Opened again from the history, folded, with the server's duration.
        const QString conversation = window.chat()->conversationId();
        ui::MainWindow again(*api);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QTRY_VERIFY_WITH_TIMEOUT(again.sidebar()->conversationCount() >= 1, 10000);
        QSignalSpy shown(again.chat(), &ui::ChatPanel::historyShown);
        again.sidebar()->select(conversation);
        QVERIFY(shown.wait(10000));
        ui::ReasoningBlock *stored = again.chat()->view()->bubbles().last()->reasoning();
        QVERIFY(stored);
        QCOMPARE(stored->text(), QStringLiteral("Weighing the question."));
        QVERIFY(!stored->isExpanded());
        QVERIFY2(QRegularExpression(thought).match(stored->title()).hasMatch(),
                 qPrintable(stored->title()));
    }

    void escStopsAStream()
    {
        ui::installLanguage(QStringLiteral("en"));
        auto api = signIn();
        QVERIFY(api);
        ui::MainWindow window(*api);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(chooseModel(window, QStringLiteral("fake-slow")));
        window.chat()->composer()->setPlainText(QStringLiteral("Take your time"));
        window.chat()->send();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.chat()->view()->bubbles().size() == 2 &&
                window.chat()->view()->bubbles().at(1)->text().contains(QLatin1String("Thinking")),
            10000);
        QVERIFY(window.chat()->isStreaming());
        auto *sendStop = window.chat()->findChild<QPushButton *>(QStringLiteral("sendButton"));
        QCOMPARE(sendStop->text(), QStringLiteral("Stop")); // the send button turned into Stop
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!window.chat()->isStreaming());
        QCOMPARE(sendStop->text(), QStringLiteral("Send"));
        // The server stored the partial reply as cancelled.
        ApiClient check(m_server.baseUrl());
        check.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString path = QStringLiteral("/v1/conversations/") +
                             window.chat()->conversationId() + QStringLiteral("/messages");
        QTRY_COMPARE_WITH_TIMEOUT(check.get(path)
                                      .array()
                                      .last()
                                      .toObject()
                                      .value(QLatin1String("finishReason"))
                                      .toString(),
                                  QStringLiteral("cancelled"), 10000);
        QCOMPARE(
            check.get(path).array().last().toObject().value(QLatin1String("content")).toString(),
            QStringLiteral("Thinking"));
    }

    // The next window opens as the last one closed: size, sidebar width and
    // the conversation that was open.
    // Long conversations open at their newest page; older pages come in as
    // the reader scrolls up, or when find asks for them.
    void olderMessagesComeInAndAreFound()
    {
        ui::installLanguage(QStringLiteral("en"));
        ApiClient check(m_server.baseUrl());
        check.login(TestServer::adminEmail, TestServer::adminPassword);
        auto api = signIn();
        QVERIFY(api);
        ui::MainWindow window(*api);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ChatPanel *chat = window.chat();
        auto bubbles = [chat] { return chat->view()->bubbles(); };
        // 220 messages in pages of 100: the newest open, the first question
        // comes last.
        const QString id = check
                               .post(QStringLiteral("/v1/conversations"),
                                     {{QStringLiteral("title"), QStringLiteral("Long")}})
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        for (int i = 0; i < 110; ++i) {
            const QString question =
                i == 0 ? QStringLiteral("an ancient needle") : QStringLiteral("question %1").arg(i);
            QCOMPARE(check
                         .post(QStringLiteral("/v1/conversations/%1/messages").arg(id),
                               {{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), question},
                                {QStringLiteral("model"), QStringLiteral("fake-echo")}})
                         .status,
                     200);
        }
        QSignalSpy shown(chat, &ui::ChatPanel::historyShown);
        chat->open(id, {{QStringLiteral("title"), QStringLiteral("Long")}});
        QVERIFY(shown.wait(10000));
        QCOMPARE(bubbles().size(), 100);
        QCOMPARE(bubbles().first()->text(), QStringLiteral("question 60"));
        QVERIFY(chat->view()->hasOlder());
        // Scrolling to the top brings the page before, above.
        QScrollBar *bar = chat->view()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum()); // laid out, at the end
        bar->setValue(0);
        QVERIFY(shown.wait(10000));
        QCOMPARE(bubbles().size(), 200);
        QCOMPARE(bubbles().first()->text(), QStringLiteral("question 10"));
        QVERIFY(chat->view()->hasOlder());
        // What the reader was looking at stays put: the new page is above it.
        QTRY_VERIFY(bar->value() > bar->maximum() / 3);

        // Find says what is not loaded yet, and searches it on request.
        chat->openFind();
        ui::FindBar *find = chat->findBar();
        find->field()->setText(QStringLiteral("ancient"));
        QCOMPARE(find->countText(), QStringLiteral("No matches"));
        auto *older = find->findChild<QToolButton *>(QStringLiteral("searchOlder"));
        QVERIFY(older && older->isVisible());
        QTest::mouseClick(older, Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QCOMPARE(bubbles().size(), 220);
        QCOMPARE(bubbles().first()->text(), QStringLiteral("an ancient needle"));
        QCOMPARE(find->countText(), QStringLiteral("1 of 2")); // the question and its echo
        QVERIFY(!older->isVisible());                          // nothing older is left
        QVERIFY(!chat->view()->hasOlder());
        find->close();
    }

    void theWindowRemembersItsLayout()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throwaway place
        QSettings().clear();
        ui::installLanguage(QStringLiteral("en"));
        auto api = signIn();
        QVERIFY(api);
        QString id;
        {
            ui::MainWindow window(*api);
            window.rememberLayout();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(930, 640);
            QVERIFY(chooseModel(window, QStringLiteral("fake-stream")));
            window.chat()->composer()->setPlainText(QStringLiteral("remember me"));
            QSignalSpy finished(window.chat(), &ui::ChatPanel::replyFinished);
            window.chat()->send();
            QVERIFY(finished.wait(10000));
            id = window.chat()->conversationId();
            QVERIFY(!id.isEmpty());
            auto *splitter = window.findChild<QSplitter *>();
            splitter->setSizes({330, 600});
            QCOMPARE(window.sidebarWidth(), 330);
            window.close();
        }
        ui::MainWindow again(*api);
        again.rememberLayout();
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(930, 640));
        QCOMPARE(again.sidebarWidth(), 330);
        QTRY_COMPARE_WITH_TIMEOUT(again.chat()->conversationId(), id, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(again.chat()->view()->bubbles().size(), 2, 10000);
        QSettings().clear();
    }
};

QTEST_MAIN(TestChatWindow)
#include "tst_chat_window.moc"
