#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

namespace {
QJsonObject userMessage(const QString &content, const QString &model)
{
    return {{QStringLiteral("role"), QStringLiteral("user")},
            {QStringLiteral("content"), content},
            {QStringLiteral("model"), model}};
}
} // namespace

// POST /v1/conversations/:id/rewind: a conversation taken back to before one
// of its messages (edit and resend, regenerate), with a fake model provider.
class TestRewindApi final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    std::unique_ptr<ApiClient> m_client;

    QString newConversation()
    {
        return m_client
            ->post(QStringLiteral("/v1/conversations"),
                   {{QStringLiteral("title"), QStringLiteral("chat")}})
            .json()
            .value(QLatin1String("id"))
            .toString();
    }
    QString messagesPath(const QString &conversation)
    {
        return QStringLiteral("/v1/conversations/") + conversation + QStringLiteral("/messages");
    }
    QJsonArray history(const QString &conversation)
    {
        return m_client->get(messagesPath(conversation)).array();
    }
    int ledgerRows(const QString &status)
    {
        return dbValue(m_server.config,
                       QStringLiteral("SELECT COUNT(*) FROM usage_ledger WHERE status = ?"),
                       {status})
            .toInt();
    }
    QNetworkReply *startStream(const QString &conversation, const QString &model)
    {
        QJsonObject body = userMessage(QStringLiteral("go"), model);
        body.insert(QStringLiteral("stream"), true);
        return m_client->start("POST", messagesPath(conversation), QJsonDocument(body).toJson(),
                               {{"Content-Type", "application/json"}});
    }

private slots:
    void initTestCase()
    {
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        QVERIFY(m_server.start());
        m_client = std::make_unique<ApiClient>(m_server.baseUrl());
        m_client->login(TestServer::adminEmail, TestServer::adminPassword);
        QVERIFY(!m_client->token.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/v1/models"))
                                      .json()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .isEmpty(),
                                  false, 10000);
    }

    void rewindTakesTheConversationBackToBeforeAMessage()
    {
        const QString conversation = newConversation();
        for (const QString &question : {QStringLiteral("one"), QStringLiteral("two")}) {
            QCOMPARE(m_client
                         ->post(messagesPath(conversation),
                                userMessage(question, QStringLiteral("fake-stream")))
                         .status,
                     200);
        }
        const QJsonArray before = history(conversation);
        QCOMPARE(before.size(), 4);
        // The reply always sorts after its question, even within one millisecond.
        QCOMPARE(before[2].toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("user"));
        QCOMPARE(before[3].toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("assistant"));
        const QString rewindPath =
            QStringLiteral("/v1/conversations/") + conversation + QStringLiteral("/rewind");
        const QString secondQuestion = before[2].toObject().value(QLatin1String("id")).toString();
        const int ledgerBefore = ledgerRows(QStringLiteral("ok"));

        const ApiReply rewound =
            m_client->post(rewindPath, {{QStringLiteral("messageId"), secondQuestion}});
        QCOMPARE(rewound.status, 200);
        QCOMPARE(rewound.json().value(QLatin1String("deleted")).toInt(), 2);
        const QJsonArray after = history(conversation);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[0].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("one"));
        QCOMPARE(ledgerRows(QStringLiteral("ok")), ledgerBefore); // tokens spent stay counted

        // The same id again, an id from nowhere, no id, and someone else's conversation.
        QCOMPARE(m_client->post(rewindPath, {{QStringLiteral("messageId"), secondQuestion}}).status,
                 404);
        const ApiReply missing = m_client->post(rewindPath, {});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_client
                     ->post(QStringLiteral("/v1/conversations/nope/rewind"),
                            {{QStringLiteral("messageId"), secondQuestion}})
                     .status,
                 404);
        QCOMPARE(history(conversation).size(), 2);
    }

    void rewindWaitsForAStreamingReply()
    {
        const QString conversation = newConversation();
        QSignalSpy gate(&m_upstream, &FakeUpstream::gateReached);
        QNetworkReply *reply = startStream(conversation, QStringLiteral("fake-gated"));
        QVERIFY(gate.wait(10000));
        const QString question =
            history(conversation)[0].toObject().value(QLatin1String("id")).toString();
        const ApiReply refused = m_client->post(QStringLiteral("/v1/conversations/") +
                                                    conversation + QStringLiteral("/rewind"),
                                                {{QStringLiteral("messageId"), question}});
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.code(), QStringLiteral("CONFLICT"));
        m_upstream.releaseGate();
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        reply->deleteLater();
        QCOMPARE(history(conversation).size(), 2);
    }
};

QTEST_MAIN(TestRewindApi)
#include "tst_rewind_api.moc"
