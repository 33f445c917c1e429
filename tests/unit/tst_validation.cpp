#include "core/Cursor.h"
#include "http/Validator.h"
#include "llm/HistoryBuilder.h"
#include "security/LoginThrottle.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

using namespace hearth;

class TestValidation final : public QObject
{
    Q_OBJECT
private slots:
    void collectsEveryProblem()
    {
        Validator v({{QStringLiteral("title"), 5},
                     {QStringLiteral("temperature"), 3},
                     {QStringLiteral("maxTokens"), 1.5},
                     {QStringLiteral("stream"), QStringLiteral("yes")},
                     {QStringLiteral("metadata"), QJsonArray()}});
        QVERIFY(!v.text(QStringLiteral("title"), true, 1, 200));
        QVERIFY(!v.text(QStringLiteral("content"), true, 1, 10));
        QVERIFY(!v.number(QStringLiteral("temperature"), 0, 2));
        QVERIFY(!v.integer(QStringLiteral("maxTokens"), 1, 100));
        QVERIFY(!v.boolean(QStringLiteral("stream")));
        QVERIFY(!v.object(QStringLiteral("metadata")));
        QCOMPARE(v.errors(),
                 QStringList({QStringLiteral("title must be a string"),
                              QStringLiteral("content is required"),
                              QStringLiteral("temperature must be a number from 0 to 2"),
                              QStringLiteral("maxTokens must be a whole number from 1 to 100"),
                              QStringLiteral("stream must be true or false"),
                              QStringLiteral("metadata must be a JSON object")}));
    }

    void lengthsCountCharactersNotUtf16Units()
    {
        Validator v({{QStringLiteral("title"), QStringLiteral("😀😀")}});
        QCOMPARE(v.text(QStringLiteral("title"), true, 1, 2), QStringLiteral("😀😀"));
        QVERIFY(v.ok());
    }

    void blankRequiredTextIsRefused()
    {
        Validator v({{QStringLiteral("title"), QStringLiteral("   ")}});
        QVERIFY(!v.text(QStringLiteral("title"), true, 1, 200));
        QCOMPARE(v.errors().size(), 1);
    }

    void emails()
    {
        Validator good({{QStringLiteral("email"), QStringLiteral(" user@example.com ")}});
        QCOMPARE(good.email(QStringLiteral("email")), QStringLiteral("user@example.com"));
        Validator bad({{QStringLiteral("email"), QStringLiteral("not-an-email")}});
        QVERIFY(!bad.email(QStringLiteral("email")));
        QCOMPARE(bad.errors(), QStringList{QStringLiteral("email must be an email address")});
    }

    void cursorRoundTripAndGarbage()
    {
        const Cursor c{1732000000123, QStringLiteral("abc-def")};
        const auto back = Cursor::decode(c.encode());
        QVERIFY(back);
        QCOMPARE(back->time, c.time);
        QCOMPARE(back->id, c.id);
        QVERIFY(!Cursor::decode(QStringLiteral("!!!")));
        QVERIFY(!Cursor::decode(QStringLiteral("bm9jb2xvbg"))); // "nocolon"
    }

    void historyKeepsNewestThatFit()
    {
        QList<Message> conversation;
        for (int i = 0; i < 10; ++i) {
            Message m;
            m.role = i % 2 ? QStringLiteral("assistant") : QStringLiteral("user");
            m.content = QString(400, QChar(u'a' + i)); // ~100 tokens each
            conversation << m;
        }
        Message streaming;
        streaming.role = QStringLiteral("assistant");
        streaming.finishReason = FinishReason::Streaming;
        conversation << streaming;
        const auto history = buildHistory(QStringLiteral("Be brief."), conversation, 600, 100);
        QCOMPARE(history.first().role, QStringLiteral("system"));
        QCOMPARE(history.last().content, conversation[9].content);
        QVERIFY(history.size() < 11);
        QVERIFY(history.size() >= 4);
        for (const ChatMessage &m : history)
            QVERIFY(!m.content.isEmpty());
    }

    void historyAlwaysSendsTheNewestMessage()
    {
        Message huge;
        huge.role = QStringLiteral("user");
        huge.content = QString(100000, u'x');
        const auto history = buildHistory({}, {huge}, 1000, 100);
        QCOMPARE(history.size(), 1);
    }

    void historyTurnsAlternate()
    {
        auto message = [](const char *role, const char *content) {
            Message m;
            m.role = QString::fromLatin1(role);
            m.content = QString::fromUtf8(content);
            return m;
        };
        // The reply to "b" failed before it said anything and was not kept;
        // the one to "c" was cancelled before its first word.
        const QList<Message> conversation{message("user", "a"),     message("assistant", "x"),
                                          message("user", "b"),     message("user", "c"),
                                          message("assistant", ""), message("user", "d")};
        const auto history = buildHistory({}, conversation, 16384, 1024);
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).content, QStringLiteral("a"));
        QCOMPARE(history.at(1).role, QStringLiteral("assistant"));
        QCOMPARE(history.at(2).role, QStringLiteral("user"));
        QCOMPARE(history.at(2).content, QStringLiteral("b\n\nc\n\nd"));
    }

    void historyStartsWithAQuestion()
    {
        QList<Message> conversation;
        for (const char *role : {"user", "assistant", "user"}) {
            Message m;
            m.role = QString::fromLatin1(role);
            m.content = QString(400, u'q'); // ~100 tokens each
            conversation << m;
        }
        // Room for two messages: the first question goes, and then its
        // answer cannot lead.
        const auto history = buildHistory(QStringLiteral("sys"), conversation, 330, 100);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).role, QStringLiteral("system"));
        QCOMPARE(history.at(1).role, QStringLiteral("user"));
    }

    void historyNeverCarriesReasoning()
    {
        Message question;
        question.role = QStringLiteral("user");
        question.content = QStringLiteral("2+2?");
        Message answer;
        answer.role = QStringLiteral("assistant");
        answer.content = QStringLiteral("4");
        answer.reasoning = QStringLiteral("Two and two make four.");
        Message next = question;
        next.content = QStringLiteral("And 3+3?");
        const auto history = buildHistory({}, {question, answer, next}, 16384, 1024);
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(1).content, QStringLiteral("4"));
    }

    void loginThrottleCountsFailuresInAWindow()
    {
        LoginThrottle throttle(LoginThrottle::Limits{3, 5, 60000});
        const QString acct = QStringLiteral("a@x"), addr = QStringLiteral("1.2.3.4");
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(throttle.retryAfter(acct, addr, 1000 + i), 0);
            throttle.recordFailure(acct, addr, 1000 + i);
        }
        QCOMPARE(throttle.retryAfter(acct, addr, 2000), 59);
        QCOMPARE(throttle.retryAfter(QStringLiteral("b@x"), QStringLiteral("5.6.7.8"), 2000), 0);
        QCOMPARE(throttle.retryAfter(acct, addr, 61001), 0); // the first failure left the window
        throttle.recordSuccess(acct);
        QCOMPARE(throttle.retryAfter(acct, QStringLiteral("9.9.9.9"), 2000), 0);
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
