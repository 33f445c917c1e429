#include "ChatFixture.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

// POST /v1/conversations/:id/rewind: a conversation taken back to before one
// of its messages (edit and resend, regenerate), with a fake model provider.
class TestRewindApi final : public QObject
{
    Q_OBJECT
    ChatFixture m_chat;

private slots:
    void initTestCase()
    {
        m_chat.shortTimeouts = false; // a reply is held open on purpose
        QVERIFY(m_chat.start());
    }

    void rewindTakesTheConversationBackToBeforeAMessage()
    {
        const QString conversation = m_chat.newConversation();
        for (const QString &question : {QStringLiteral("one"), QStringLiteral("two")}) {
            QCOMPARE(m_chat.client
                         ->post(ApiClient::messagesPath(conversation),
                                ApiClient::userMessage(question, QStringLiteral("fake-stream")))
                         .status,
                     200);
        }
        const QJsonArray before = m_chat.history(conversation);
        QCOMPARE(before.size(), 4);
        // The reply always sorts after its question, even within one millisecond.
        QCOMPARE(before[2].toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("user"));
        QCOMPARE(before[3].toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("assistant"));
        const QString rewindPath =
            QStringLiteral("/v1/conversations/") + conversation + QStringLiteral("/rewind");
        const QString secondQuestion = before[2].toObject().value(QLatin1String("id")).toString();
        const int ledgerBefore = m_chat.ledgerRows(QStringLiteral("ok"));

        const ApiReply rewound =
            m_chat.client->post(rewindPath, {{QStringLiteral("messageId"), secondQuestion}});
        QCOMPARE(rewound.status, 200);
        QCOMPARE(rewound.json().value(QLatin1String("deleted")).toInt(), 2);
        const QJsonArray after = m_chat.history(conversation);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[0].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("one"));
        QCOMPARE(m_chat.ledgerRows(QStringLiteral("ok")),
                 ledgerBefore); // tokens spent stay counted

        // The same id again, an id from nowhere, no id, and someone else's conversation.
        QCOMPARE(
            m_chat.client->post(rewindPath, {{QStringLiteral("messageId"), secondQuestion}}).status,
            404);
        const ApiReply missing = m_chat.client->post(rewindPath, {});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_chat.client
                     ->post(QStringLiteral("/v1/conversations/nope/rewind"),
                            {{QStringLiteral("messageId"), secondQuestion}})
                     .status,
                 404);
        QCOMPARE(m_chat.history(conversation).size(), 2);
    }

    void rewindWaitsForAStreamingReply()
    {
        const QString conversation = m_chat.newConversation();
        QSignalSpy gate(&m_chat.upstream, &FakeUpstream::gateReached);
        QNetworkReply *reply = m_chat.startStream(conversation, QStringLiteral("fake-gated"));
        QVERIFY(gate.wait(10000));
        const QString question =
            m_chat.history(conversation)[0].toObject().value(QLatin1String("id")).toString();
        const ApiReply refused = m_chat.client->post(QStringLiteral("/v1/conversations/") +
                                                         conversation + QStringLiteral("/rewind"),
                                                     {{QStringLiteral("messageId"), question}});
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.code(), QStringLiteral("CONFLICT"));
        m_chat.upstream.releaseGate();
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        reply->deleteLater();
        QCOMPARE(m_chat.history(conversation).size(), 2);
    }
};

QTEST_MAIN(TestRewindApi)
#include "tst_rewind_api.moc"
