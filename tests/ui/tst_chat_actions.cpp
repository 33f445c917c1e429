#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/AdminPanel.h"
#include "app/AdminProvidersPage.h"
#include "app/ChatPanel.h"
#include "app/CodeBlock.h"
#include "app/CodeView.h"
#include "app/Composer.h"
#include "app/ErrorBanner.h"
#include "app/FindBar.h"
#include "app/FormDialog.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "app/ModelPicker.h"
#include "client/ApiConnection.h"

#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>

using namespace hearth;

// What a user does with messages once they are there: copy code, write the
// last reply again, edit and resend a question, set a chat's own system
// prompt and sampling, and what the errors offer. Against a real server and
// a fake model provider, offscreen.
class TestChatActions final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    std::unique_ptr<ApiClient> m_check;
    std::unique_ptr<client::ApiConnection> m_api;
    std::unique_ptr<ui::MainWindow> m_window;

    ui::ChatPanel *chat() const { return m_window->chat(); }
    QList<ui::MessageBubble *> bubbles() const { return chat()->view()->bubbles(); }
    static QToolButton *button(QWidget *in, const QString &text)
    {
        for (auto *button : in->findChildren<QToolButton *>()) {
            if (button->text() == text)
                return button;
        }
        return nullptr;
    }
    QJsonArray stored() const
    {
        return m_check
            ->get(QStringLiteral("/v1/conversations/") + chat()->conversationId() +
                  QStringLiteral("/messages"))
            .array();
    }
    bool chooseModel(const QString &id) { return ::chooseModel(chat(), id); }
    bool sendAndWait(const QString &text)
    {
        QSignalSpy finished(chat(), &ui::ChatPanel::replyFinished);
        chat()->composer()->setPlainText(text);
        chat()->send();
        return finished.wait(10000);
    }
    QJsonObject lastUpstreamChat() const
    {
        for (qsizetype i = m_upstream.received.size() - 1; i >= 0; --i) {
            if (m_upstream.received.at(i).path.endsWith("/chat/completions"))
                return m_upstream.received.at(i).body;
        }
        return {};
    }
    void setPerMinute(int perMinute)
    {
        QCOMPARE(m_check
                     ->patch(QStringLiteral("/v1/admin/settings"),
                             {{QStringLiteral("chatRateLimit"),
                               QJsonObject{{QStringLiteral("perMinute"), perMinute}}}})
                     .status,
                 200);
    }

private slots:
    void initTestCase()
    {
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        m_server.config.chatRateLimit.clear(); // the admin's setting decides
        QVERIFY(m_server.start());
        m_check = std::make_unique<ApiClient>(m_server.baseUrl());
        m_check->login(TestServer::adminEmail, TestServer::adminPassword);
        setPerMinute(1000);
        ui::installLanguage(QStringLiteral("en"));
    }

    void init()
    {
        m_api = signedInConnection(m_server.baseUrl(), TestServer::adminEmail,
                                   TestServer::adminPassword);
        QVERIFY(m_api);
        m_window = std::make_unique<ui::MainWindow>(*m_api);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(chooseModel(QStringLiteral("fake-stream")));
    }

    void cleanup()
    {
        m_window.reset();
        m_api.reset();
    }

    void codeBlocksHaveTheirOwnCopyButton()
    {
        QVERIFY(chooseModel(QStringLiteral("fake-markdown")));
        QVERIFY(sendAndWait(QStringLiteral("Show me code")));
        auto *block = bubbles().last()->findChild<ui::CodeBlock *>();
        QVERIFY(block);
        const QString code = QStringLiteral("std::cout << \"Hello\" << std::endl;");
        QCOMPARE(block->code(), code);
        ui::CodeView *view = block->view();
        QCOMPARE(view->accessibleName(), QStringLiteral("Code"));
        QCOMPARE(view->code(), code);
        QCOMPARE(view->font(), QFontDatabase::systemFont(QFontDatabase::FixedFont));
        // Coloured by source-highlight: the string in the light theme's colour.
        QTRY_VERIFY_WITH_TIMEOUT(block->isHighlighted(), 10000);
        QCOMPARE(view->colourAt(int(code.indexOf(QLatin1String("\"Hello\"")))),
                 QColor(QStringLiteral("#0a3069")));
        QVERIFY(!view->colourAt(int(code.indexOf(QLatin1String("cout")))).isValid());
        QToolButton *copy = block->findChild<QToolButton *>(QStringLiteral("copyCode"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), code);
        // The whole message copies as its Markdown.
        QTest::mouseClick(button(bubbles().last(), QStringLiteral("Copy")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 stored().last()[QLatin1String("content")].toString());
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("chat_code_en")));
    }

    void ctrlFFindsTextInTheConversation()
    {
        QVERIFY(chooseModel(QStringLiteral("fake-echo")));
        QVERIFY(sendAndWait(QStringLiteral("Where is the **needle**?")));
        QVERIFY(sendAndWait(QStringLiteral("```\nNEEDLE in code\n```")));
        ui::FindBar *find = chat()->findBar();
        QVERIFY(!find->isVisible());
        m_window->activateWindow(); // window shortcuts need the active window (xcb)
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(find->isVisible());
        QVERIFY(find->field()->hasFocus());
        QTest::keyClicks(find->field(), QStringLiteral("needle"));
        // As the messages read: two questions and their echoes, Markdown aside.
        QCOMPARE(find->matchCount(), 4);
        QCOMPARE(find->countText(), QStringLiteral("1 of 4"));
        auto selected = [this] {
            QStringList texts;
            for (ui::MessageBubble *bubble : bubbles()) {
                for (QWidget *widget : bubble->textWidgets()) {
                    if (auto *code = qobject_cast<ui::CodeView *>(widget);
                        code && code->hasSelectedText())
                        texts << code->selectedText();
                    else if (auto *label = qobject_cast<QLabel *>(widget);
                             label && label->hasSelectedText())
                        texts << label->selectedText();
                }
            }
            return texts;
        };
        QCOMPARE(selected(), QStringList{QStringLiteral("needle")});
        QTest::keyClick(find->field(), Qt::Key_Return);
        QTest::keyClick(find->field(), Qt::Key_Return);
        QCOMPARE(find->countText(), QStringLiteral("3 of 4"));
        QCOMPARE(selected(), QStringList{QStringLiteral("NEEDLE")}); // in the code block
        QTest::keyClick(find->field(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(find->current(), 1);
        QTest::keyClicks(find->field(), QStringLiteral("xyz"));
        QCOMPARE(find->countText(), QStringLiteral("No matches"));
        QVERIFY(selected().isEmpty());
        QTest::keyClick(find->field(), Qt::Key_Escape); // closes the bar, stops nothing
        QVERIFY(!find->isVisible());
        QCOMPARE(bubbles().size(), 4);
    }

    void regenerateWritesTheLastReplyAgain()
    {
        QVERIFY(sendAndWait(QStringLiteral("first question")));
        QVERIFY(sendAndWait(QStringLiteral("second question")));
        const QJsonArray before = stored();
        QCOMPARE(before.size(), 4);
        // Only the last reply can be written again; questions can be edited.
        // (Offered: not hidden. Shown: the pointer is over the message, or
        // it is the last reply, whose actions stay in view.)
        QToolButton *regenerate = button(bubbles().at(3), QStringLiteral("Regenerate"));
        QVERIFY(regenerate && regenerate->isVisible());
        QVERIFY(button(bubbles().at(1), QStringLiteral("Regenerate"))->isHidden());
        QToolButton *edit = button(bubbles().at(2), QStringLiteral("Edit"));
        QVERIFY(!edit->isHidden());
        QVERIFY(button(bubbles().at(3), QStringLiteral("Edit"))->isHidden());
        // A question's actions appear while the pointer is over it.
        QVERIFY(!edit->isVisible());
        QEnterEvent enter(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5));
        QCoreApplication::sendEvent(bubbles().at(2), &enter);
        QVERIFY(edit->isVisible());
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(bubbles().at(2), &leave);
        QVERIFY(!edit->isVisible());

        QSignalSpy finished(chat(), &ui::ChatPanel::replyFinished);
        bool editableMidStream = false; // checked whenever the stream is seen running
        QTest::mouseClick(regenerate, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(chat()->isStreaming() || finished.count() > 0, 10000);
        // (The new question's bubble may not be there yet: the server has not
        // answered "created".)
        for (ui::MessageBubble *bubble :
             chat()->isStreaming() ? bubbles() : QList<ui::MessageBubble *>())
            editableMidStream =
                editableMidStream || !button(bubble, QStringLiteral("Edit"))->isHidden();
        QVERIFY(!editableMidStream);
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        const QJsonArray after = stored();
        QCOMPARE(after.size(), 4);
        QCOMPARE(after[0], before[0]);
        QCOMPARE(after[1], before[1]);
        QCOMPARE(after[2][QLatin1String("content")].toString(), QStringLiteral("second question"));
        QVERIFY(after[2][QLatin1String("id")] != before[2][QLatin1String("id")]);
        QVERIFY(after[3][QLatin1String("id")] != before[3][QLatin1String("id")]);
        QCOMPARE(bubbles().size(), 4);
        QCOMPARE(bubbles().at(3)->messageId(), after[3][QLatin1String("id")].toString());
        QCOMPARE(bubbles().at(3)->text(), after[3][QLatin1String("content")].toString());
    }

    void editAndResendReplacesTheRest()
    {
        QVERIFY(sendAndWait(QStringLiteral("what is 2+2")));
        QVERIFY(sendAndWait(QStringLiteral("and 3+3")));
        chat()->composer()->setPlainText(QStringLiteral("a draft"));
        // Cancelling an edit leaves things as they were.
        QTest::mouseClick(button(bubbles().at(0), QStringLiteral("Edit")), Qt::LeftButton);
        QVERIFY(chat()->isEditing());
        QCOMPARE(chat()->composer()->toPlainText(), QStringLiteral("what is 2+2"));
        chat()->cancelEdit();
        QVERIFY(!chat()->isEditing());
        QCOMPARE(stored().size(), 4);

        QTest::mouseClick(button(bubbles().at(0), QStringLiteral("Edit")), Qt::LeftButton);
        chat()->composer()->setPlainText(QStringLiteral("what is 2+3"));
        QSignalSpy finished(chat(), &ui::ChatPanel::replyFinished);
        QTest::keyClick(chat()->composer(), Qt::Key_Return);
        QVERIFY(finished.wait(10000));
        QVERIFY(!chat()->isEditing());
        const QJsonArray after = stored();
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[0][QLatin1String("content")].toString(), QStringLiteral("what is 2+3"));
        QCOMPARE(bubbles().size(), 2);
        QCOMPARE(bubbles().at(0)->text(), QStringLiteral("what is 2+3"));
        QVERIFY(chat()->composer()->toPlainText().isEmpty());
        // The edited question went upstream, the removed exchange did not.
        const QJsonArray sent = lastUpstreamChat()[QLatin1String("messages")].toArray();
        QCOMPARE(sent.last()[QLatin1String("content")].toString(), QStringLiteral("what is 2+3"));
        for (const QJsonValue &m : sent)
            QVERIFY(m[QLatin1String("content")].toString() != QLatin1String("and 3+3"));
    }

    void chatSettingsGoWithEveryMessage()
    {
        // Set before the first message: the new conversation is created with them.
        auto *dialog = qobject_cast<ui::FormDialog *>(chat()->openOptions());
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit *>()->setPlainText(
            QStringLiteral("Answer like a pirate."));
        const QList<QCheckBox *> own = dialog->findChildren<QCheckBox *>();
        QCOMPARE(own.size(), 2);
        own[0]->setChecked(true);
        dialog->findChild<QDoubleSpinBox *>()->setValue(0.3);
        own[1]->setChecked(true);
        dialog->findChild<QSpinBox *>()->setValue(200);
        QVERIFY(saveScreenshot(*dialog, QStringLiteral("chat_settings_en")));
        dialog->submit();
        QVERIFY(QTest::qWaitFor([&] { return chat()->options().maxTokens == 200; }, 1000));

        QVERIFY(sendAndWait(QStringLiteral("Ahoy?")));
        QJsonObject sent = lastUpstreamChat();
        QCOMPARE(sent[QLatin1String("temperature")].toDouble(), 0.3);
        QCOMPARE(sent[QLatin1String("max_tokens")].toInt(), 200);
        QCOMPARE(sent[QLatin1String("messages")][0][QLatin1String("role")].toString(),
                 QStringLiteral("system"));
        QCOMPARE(sent[QLatin1String("messages")][0][QLatin1String("content")].toString(),
                 QStringLiteral("Answer like a pirate."));
        const QString path = QStringLiteral("/v1/conversations/") + chat()->conversationId();
        QJsonObject conversation = m_check->get(path).json();
        QCOMPARE(conversation[QLatin1String("systemPrompt")].toString(),
                 QStringLiteral("Answer like a pirate."));
        QCOMPARE(conversation[QLatin1String("metadata")][QLatin1String("temperature")].toDouble(),
                 0.3);

        // Changed later: saved on the server, used by the next message.
        dialog = qobject_cast<ui::FormDialog *>(chat()->openOptions());
        QCOMPARE(dialog->findChild<QPlainTextEdit *>()->toPlainText(),
                 QStringLiteral("Answer like a pirate."));
        dialog->findChildren<QCheckBox *>()[0]->setChecked(false);
        QSignalSpy accepted(dialog, &QDialog::accepted);
        dialog->submit();
        QVERIFY(accepted.wait(10000));
        conversation = m_check->get(path).json();
        QVERIFY(!conversation[QLatin1String("metadata")].toObject().contains(
            QLatin1String("temperature")));
        QCOMPARE(conversation[QLatin1String("metadata")][QLatin1String("maxTokens")].toInt(), 200);
        QVERIFY(sendAndWait(QStringLiteral("Again?")));
        sent = lastUpstreamChat();
        QVERIFY(!sent.contains(QLatin1String("temperature")));
        QCOMPARE(sent[QLatin1String("max_tokens")].toInt(), 200);
    }

    void noProviderOffersTheProviderSettings()
    {
        // A model picked from a list that went stale: no provider serves it now.
        chat()->modelPicker()->addItem(QStringLiteral("Gone"), QStringLiteral("gone-model"));
        chat()->modelPicker()->setCurrentIndex(chat()->modelPicker()->count() - 1);
        chat()->composer()->setPlainText(QStringLiteral("Hello?"));
        chat()->send();
        ui::ErrorBanner *banner = chat()->errorBanner();
        QTRY_VERIFY_WITH_TIMEOUT(!banner->text().isEmpty(), 10000);
        QVERIFY2(banner->text().contains(QLatin1String("No model provider")),
                 qPrintable(banner->text()));
        QCOMPARE(chat()->composer()->toPlainText(), QStringLiteral("Hello?")); // nothing lost
        QVERIFY(banner->actionButton()->isVisible());
        QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
        QVERIFY(m_window->admin()->isVisible());
        QCOMPARE(m_window->admin()->currentWidget(),
                 static_cast<QWidget *>(m_window->admin()->providers()));
    }

    void rateLimitCountsDown()
    {
        QVERIFY(sendAndWait(QStringLiteral("hi")));
        setPerMinute(1); // and that was this minute's one message
        QCOMPARE(bubbles().size(), 2);
        auto *noteOfReply = bubbles().last()->findChild<QLabel *>(QStringLiteral("messageNote"));
        QVERIFY(noteOfReply && noteOfReply->isHidden());
        chat()->composer()->setPlainText(QStringLiteral("One more"));
        chat()->send();
        ui::ErrorBanner *banner = chat()->errorBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().contains(QLatin1String("send again in")), 10000);
        const QString first = banner->text();
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("chat_rate_limited_en")));
        // The count goes down by itself, a second at a time.
        QTRY_VERIFY_WITH_TIMEOUT(banner->text() != first, 3000);
        QVERIFY(banner->text().contains(QLatin1String("send again in")));
        QCOMPARE(chat()->composer()->toPlainText(), QStringLiteral("One more"));
        // The refused send left the finished reply before it alone.
        QCOMPARE(bubbles().size(), 2);
        QVERIFY(noteOfReply->isHidden());
        setPerMinute(1000);
    }

    void aRefusedFirstMessageLeavesNoEmptyConversation()
    {
        QVERIFY(sendAndWait(QStringLiteral("the last one this minute")));
        setPerMinute(1);
        const qsizetype before = m_check->get(QStringLiteral("/v1/conversations")).array().size();
        chat()->startNew();
        chat()->composer()->setPlainText(QStringLiteral("A new topic"));
        QSignalSpy finished(chat(), &ui::ChatPanel::replyFinished);
        chat()->send();
        QVERIFY(finished.wait(10000));
        QVERIFY(chat()->errorBanner()->text().contains(QLatin1String("send again in")));
        QCOMPARE(chat()->composer()->toPlainText(), QStringLiteral("A new topic"));
        QVERIFY(chat()->conversationId().isEmpty()); // the next try starts afresh
        QTRY_COMPARE_WITH_TIMEOUT(m_check->get(QStringLiteral("/v1/conversations")).array().size(),
                                  before, 10000);
        setPerMinute(1000);
        QVERIFY(sendAndWait(QStringLiteral("A new topic")));
        QCOMPARE(m_check->get(QStringLiteral("/v1/conversations")).array().size(), before + 1);
        QCOMPARE(stored().size(), 2);
    }

    // Code, chat settings and the rate-limit countdown in Chinese, for a
    // person to review.
    // Reopened, a reply that did not end normally says how it ended.
    void repliesThatDidNotEndSaySo()
    {
        const QString conversation = m_check->createConversation();
        const QStringList reasons{QStringLiteral("stop"), QStringLiteral("cancelled"),
                                  QStringLiteral("length"), QStringLiteral("interrupted"),
                                  QStringLiteral("streaming")};
        for (const QString &reason : reasons) {
            const ApiReply reply = m_check->sendMessage(conversation, QStringLiteral("hi"),
                                                        QStringLiteral("fake-stream"));
            QCOMPARE(reply.status, 200);
            const QString id = reply.json()[QLatin1String("message")]
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
            QCOMPARE(dbExec(m_server.config,
                            QStringLiteral("UPDATE messages SET finish_reason = ? WHERE id = ?"),
                            {reason, id}),
                     1);
        }
        QSignalSpy shown(chat(), &ui::ChatPanel::historyShown);
        chat()->open(conversation, {});
        QVERIFY(shown.wait(10000));
        QStringList notes;
        for (ui::MessageBubble *bubble : bubbles()) {
            if (bubble->role() == QLatin1String("assistant"))
                notes << bubble->note();
        }
        QCOMPARE(notes.size(), reasons.size());
        QCOMPARE(notes[0], QString()); // a normal end says nothing
        QCOMPARE(notes[1], QStringLiteral("Stopped"));
        QVERIFY(notes[2].contains(QLatin1String("length limit")));
        QVERIFY(notes[3].startsWith(QLatin1String("Interrupted")));
        QVERIFY(notes[4].startsWith(QLatin1String("Still being written")));
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("reply_notes_en")));
    }

    void screenshotsInChinese()
    {
        m_window.reset();
        ui::installLanguage(QStringLiteral("zh_CN"));
        m_window = std::make_unique<ui::MainWindow>(*m_api);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(chooseModel(QStringLiteral("fake-markdown")));
        QVERIFY(sendAndWait(QStringLiteral("给我看一段代码")));
        QVERIFY(bubbles().last()->findChild<ui::CodeBlock *>());
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("chat_code_zh_CN")));

        auto *dialog = qobject_cast<ui::FormDialog *>(chat()->openOptions());
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("请用简洁的中文回答。"));
        dialog->findChildren<QCheckBox *>()[0]->setChecked(true);
        QVERIFY(saveScreenshot(*dialog, QStringLiteral("chat_settings_zh_CN")));
        dialog->reject();

        setPerMinute(1); // the message above was this minute's one
        chat()->composer()->setPlainText(QStringLiteral("再来一条"));
        chat()->send();
        ui::ErrorBanner *banner = chat()->errorBanner();
        QTRY_VERIFY_WITH_TIMEOUT(!banner->text().isEmpty(), 10000);
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("chat_rate_limited_zh_CN")));
        setPerMinute(1000);
        ui::installLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestChatActions)
#include "tst_chat_actions.moc"
