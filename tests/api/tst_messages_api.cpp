#include "ChatFixture.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

class TestMessagesApi final : public QObject
{
    Q_OBJECT
    ChatFixture m_chat;
    FakeUpstream &m_upstream = m_chat.upstream;
    TestServer &m_server = m_chat.server;
    std::unique_ptr<ApiClient> &m_client = m_chat.client;

private slots:
    void initTestCase() { QVERIFY(m_chat.start()); }

    void modelsListHasTheOpenAiShape()
    {
        const ApiReply reply = m_client->get(QStringLiteral("/v1/models"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("object")).toString(), QStringLiteral("list"));
        const QJsonObject first =
            reply.json().value(QLatin1String("data")).toArray().first().toObject();
        QCOMPARE(first.value(QLatin1String("object")).toString(), QStringLiteral("model"));
        QCOMPARE(first.value(QLatin1String("id")).toString(), QStringLiteral("fake-stream"));
        QCOMPARE(first.value(QLatin1String("provider")).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(first.contains(QLatin1String("owned_by")));
        QVERIFY(first.value(QLatin1String("available")).toBool());
        // Without a token, as the original answered: the same models, no provider.
        ApiClient anonymous(m_server.baseUrl());
        const ApiReply open = anonymous.get(QStringLiteral("/v1/models"));
        QCOMPARE(open.status, 200);
        const QJsonObject openFirst =
            open.json().value(QLatin1String("data")).toArray().first().toObject();
        QCOMPARE(openFirst.value(QLatin1String("id")).toString(), QStringLiteral("fake-stream"));
        QVERIFY(!openFirst.contains(QLatin1String("provider")));
    }

    void synchronousReply()
    {
        const QString conversation =
            m_chat.newConversation({{QStringLiteral("systemPrompt"), QStringLiteral("Be brief.")}});
        const int before = m_upstream.received.size();
        QJsonObject body = ApiClient::userMessage(QStringLiteral("你好，请介绍一下你自己"),
                                                  QStringLiteral("fake-stream"));
        body.insert(QStringLiteral("temperature"), 0.7);
        body.insert(QStringLiteral("maxTokens"), 1000);
        const ApiReply reply = m_client->post(ApiClient::messagesPath(conversation), body);
        QCOMPARE(reply.status, 200);
        const QJsonObject message = reply.json().value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(message.value(QLatin1String("content")).toString(),
                 QStringLiteral("Hello, world"));
        QCOMPARE(message.value(QLatin1String("finishReason")).toString(), QStringLiteral("stop"));
        QCOMPARE(message.value(QLatin1String("model")).toString(), QStringLiteral("fake-stream"));
        const QJsonObject usage = reply.json().value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("promptTokens")).toInt(), 11);
        QCOMPARE(usage.value(QLatin1String("completionTokens")).toInt(), 7);
        QCOMPARE(usage.value(QLatin1String("totalTokens")).toInt(), 18);
        QVERIFY(!usage.contains(QLatin1String("estimated")));
        QCOMPARE(reply.json()
                     .value(QLatin1String("userMessage"))
                     .toObject()
                     .value(QLatin1String("content"))
                     .toString(),
                 QStringLiteral("你好，请介绍一下你自己"));

        // What the provider was sent.
        QCOMPARE(m_upstream.received.size(), before + 1);
        const FakeUpstream::Received &sent = m_upstream.received.last();
        QCOMPARE(sent.headers.value("authorization"),
                 (QStringLiteral("Bearer ") + ChatFixture::providerKey).toUtf8());
        QCOMPARE(sent.body.value(QLatin1String("stream")).toBool(), true);
        QCOMPARE(sent.body.value(QLatin1String("stream_options"))
                     .toObject()
                     .value(QLatin1String("include_usage"))
                     .toBool(),
                 true);
        QCOMPARE(sent.body.value(QLatin1String("temperature")).toDouble(), 0.7);
        QCOMPARE(sent.body.value(QLatin1String("max_tokens")).toInt(), 1000);
        const QJsonArray messages = sent.body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("system"));
        QCOMPARE(messages[1].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("你好，请介绍一下你自己"));

        // Stored: the user's message, then the reply with its usage.
        const QJsonArray stored = m_chat.history(conversation);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored[0].toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("user"));
        QCOMPARE(stored[1].toObject().value(QLatin1String("id")),
                 message.value(QLatin1String("id")));
        QCOMPARE(stored[1]
                     .toObject()
                     .value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("totalTokens"))
                     .toInt(),
                 18);
        QCOMPARE(m_client->get(QStringLiteral("/v1/conversations/") + conversation)
                     .json()
                     .value(QLatin1String("messageCount"))
                     .toInt(),
                 2);
    }

    void theHistoryGoesUpstream()
    {
        const QString conversation = m_chat.newConversation();
        QCOMPARE(m_client
                     ->post(ApiClient::messagesPath(conversation),
                            ApiClient::userMessage(QStringLiteral("first"),
                                                   QStringLiteral("fake-stream")))
                     .status,
                 200);
        QCOMPARE(m_client
                     ->post(ApiClient::messagesPath(conversation),
                            ApiClient::userMessage(QStringLiteral("second"),
                                                   QStringLiteral("fake-stream")))
                     .status,
                 200);
        const QJsonArray sent =
            m_upstream.received.last().body.value(QLatin1String("messages")).toArray();
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent[0].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("first"));
        QCOMPARE(sent[1].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("Hello, world"));
        QCOMPARE(sent[2].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("second"));
    }

    void theConversationModelIsTheFallback()
    {
        const QString conversation =
            m_chat.newConversation({{QStringLiteral("model"), QStringLiteral("fake-nousage")}});
        const ApiReply reply = m_client->post(ApiClient::messagesPath(conversation),
                                              ApiClient::userMessage(QStringLiteral("hi")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(m_upstream.received.last().body.value(QLatin1String("model")).toString(),
                 QStringLiteral("fake-nousage"));
    }

    void missingUsageIsEstimated()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_client->post(
            ApiClient::messagesPath(conversation),
            ApiClient::userMessage(QStringLiteral("count me"), QStringLiteral("fake-nousage")));
        QCOMPARE(reply.status, 200);
        const QJsonObject usage = reply.json().value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("estimated")).toBool(), true);
        QVERIFY(usage.value(QLatin1String("completionTokens")).toInt() > 0);
        QCOMPARE(usage.value(QLatin1String("totalTokens")).toInt(),
                 usage.value(QLatin1String("promptTokens")).toInt() +
                     usage.value(QLatin1String("completionTokens")).toInt());
    }

    void streamingRelaysEveryEvent()
    {
        const QString conversation = m_chat.newConversation();
        for (const bool viaAcceptHeader : {false, true}) {
            QJsonObject body = ApiClient::userMessage(
                QStringLiteral("stream please"), QStringLiteral("fake-stream"), !viaAcceptHeader);
            QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
            if (viaAcceptHeader)
                headers.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
            const ApiReply reply = m_client->request("POST", ApiClient::messagesPath(conversation),
                                                     QJsonDocument(body).toJson(), headers);
            QCOMPARE(reply.status, 200);
            QVERIFY(reply.header("Content-Type").startsWith("text/event-stream"));
            const QList<SseBlock> events = parseSseBlocks(reply.body);
            QVERIFY(events.size() >= 5);
            QCOMPARE(events.first().event, QStringLiteral("message.created"));
            const QString messageId =
                events.first().data.value(QLatin1String("messageId")).toString();
            QCOMPARE(events.first()
                         .data.value(QLatin1String("userMessage"))
                         .toObject()
                         .value(QLatin1String("content"))
                         .toString(),
                     QStringLiteral("stream please"));
            QString text;
            for (int i = 1; i < events.size() - 1; ++i) {
                QCOMPARE(events[i].event, QStringLiteral("message.delta"));
                text += events[i].data.value(QLatin1String("delta")).toString();
            }
            QCOMPARE(text, QStringLiteral("Hello, world"));
            QCOMPARE(events.last().event, QStringLiteral("message.done"));
            const QJsonObject done = events.last().data.value(QLatin1String("message")).toObject();
            QCOMPARE(done.value(QLatin1String("id")).toString(), messageId);
            QCOMPARE(done.value(QLatin1String("content")).toString(),
                     QStringLiteral("Hello, world"));
            QCOMPARE(events.last()
                         .data.value(QLatin1String("usage"))
                         .toObject()
                         .value(QLatin1String("totalTokens"))
                         .toInt(),
                     18);
        }
    }

    void firstDeltaArrivesWhileTheUpstreamIsStillProducing()
    {
        const QString conversation = m_chat.newConversation();
        QSignalSpy gate(&m_upstream, &FakeUpstream::gateReached);
        const int finishedBefore = m_upstream.finishedStreams;
        QNetworkReply *reply = m_chat.startStream(conversation, QStringLiteral("fake-gated"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QVERIFY(gate.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\"delta\":\"First\""), 10000);
        QCOMPARE(m_upstream.finishedStreams, finishedBefore); // the upstream has not finished
        QVERIFY(!reply->isFinished());
        m_upstream.releaseGate();
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        received += reply->readAll();
        const QList<SseBlock> events = parseSseBlocks(received);
        QCOMPARE(events.last().event, QStringLiteral("message.done"));
        QCOMPARE(events.last()
                     .data.value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("content"))
                     .toString(),
                 QStringLiteral("First and last"));
        reply->deleteLater();
    }

    void clientLeavingMidStreamCancelsUpstreamAndKeepsThePartialReply()
    {
        const QString conversation = m_chat.newConversation();
        const int disconnectsBefore = m_upstream.clientDisconnects;
        const int cancelledBefore = m_chat.ledgerRows(QStringLiteral("cancelled"));
        QNetworkReply *reply = m_chat.startStream(conversation, QStringLiteral("fake-slow"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("Thinking"), 10000);
        reply->abort();
        reply->deleteLater();
        // Hearth notices, aborts its upstream request, and stores what it had.
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream.clientDisconnects, disconnectsBefore + 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_chat.history(conversation).size(), 2, 10000);
        const QJsonObject partial = m_chat.history(conversation)[1].toObject();
        QTRY_COMPARE_WITH_TIMEOUT(m_chat.history(conversation)[1]
                                      .toObject()
                                      .value(QLatin1String("finishReason"))
                                      .toString(),
                                  QStringLiteral("cancelled"), 10000);
        QCOMPARE(partial.value(QLatin1String("content")).toString(), QStringLiteral("Thinking"));
        QVERIFY(partial.value(QLatin1String("usage"))
                    .toObject()
                    .value(QLatin1String("estimated"))
                    .toBool());
        QCOMPARE(m_chat.ledgerRows(QStringLiteral("cancelled")), cancelledBefore + 1);
        QCOMPARE(m_client->get(QStringLiteral("/health")).status, 200);
    }

    void quietStreamsArePingedThenTimeOut()
    {
        const QString conversation = m_chat.newConversation();
        QNetworkReply *reply = m_chat.startStream(conversation, QStringLiteral("fake-slow"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        // The provider sends one delta and then stays silent: Hearth keeps the
        // client's connection alive with comments, then gives up on the provider.
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\n: ping\n"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        received += reply->readAll();
        const QList<SseBlock> events = parseSseBlocks(received);
        QCOMPARE(events.last().event, QStringLiteral("error"));
        QCOMPARE(events.last().data.value(QLatin1String("code")).toString(),
                 QStringLiteral("UPSTREAM_TIMEOUT"));
        QCOMPARE(
            m_chat.history(conversation)[1].toObject().value(QLatin1String("content")).toString(),
            QStringLiteral("Thinking"));
        reply->deleteLater();
    }

    void clientLeavingASynchronousRequestCancelsItToo()
    {
        const QString conversation = m_chat.newConversation();
        const int disconnectsBefore = m_upstream.clientDisconnects;
        QSignalSpy upstreamCalled(&m_upstream, &FakeUpstream::requestReceived);
        QNetworkReply *reply =
            m_client->start("POST", ApiClient::messagesPath(conversation),
                            QJsonDocument(ApiClient::userMessage(QStringLiteral("wait"),
                                                                 QStringLiteral("fake-slow")))
                                .toJson(),
                            {{"Content-Type", "application/json"}});
        QVERIFY(upstreamCalled.wait(10000));
        reply->abort();
        reply->deleteLater();
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream.clientDisconnects, disconnectsBefore + 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_chat.history(conversation).size(), 2, 10000);
        QCOMPARE(m_chat.history(conversation)[1]
                     .toObject()
                     .value(QLatin1String("finishReason"))
                     .toString(),
                 QStringLiteral("cancelled"));
    }

    void unknownModelIsNoProviderAndStoresNothing()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply =
            m_client->post(ApiClient::messagesPath(conversation),
                           ApiClient::userMessage(QStringLiteral("hi"), QStringLiteral("gpt-9")));
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.code(), QStringLiteral("NO_PROVIDER"));
        QCOMPARE(m_chat.history(conversation).size(), 0);
    }

    void everyBadFieldIsListed()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply =
            m_client->post(ApiClient::messagesPath(conversation),
                           {{QStringLiteral("role"), QStringLiteral("assistant")},
                            {QStringLiteral("content"), QString()},
                            {QStringLiteral("temperature"), 3},
                            {QStringLiteral("maxTokens"), 0},
                            {QStringLiteral("stream"), QStringLiteral("yes")}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(reply.json()
                     .value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("errors"))
                     .toArray()
                     .size(),
                 5);
        const ApiReply tooLong = m_client->post(
            ApiClient::messagesPath(conversation),
            ApiClient::userMessage(QString(100001, u'x'), QStringLiteral("fake-stream")));
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(m_chat.history(conversation).size(), 0);
    }

    void everyCallIsInTheLedgerOnce()
    {
        const int okBefore = m_chat.ledgerRows(QStringLiteral("ok"));
        const QString conversation = m_chat.newConversation();
        QCOMPARE(
            m_client
                ->post(ApiClient::messagesPath(conversation),
                       ApiClient::userMessage(QStringLiteral("one"), QStringLiteral("fake-stream")))
                .status,
            200);
        QCOMPARE(m_chat.ledgerRows(QStringLiteral("ok")), okBefore + 1);
    }
};

QTEST_GUILESS_MAIN(TestMessagesApi)
#include "tst_messages_api.moc"
