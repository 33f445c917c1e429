#include "ApiClient.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtTest/QTest>

class TestOpenAiApi final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    std::unique_ptr<ApiClient> m_sdk; // authenticated with a personal API key, as an SDK would be

    ApiReply complete(const QJsonObject &body)
    {
        return m_sdk->request("POST", QStringLiteral("/v1/chat/completions"),
                              QJsonDocument(body).toJson(), {{"Content-Type", "application/json"}});
    }
    static QJsonArray hello()
    {
        return {QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                            {QStringLiteral("content"), QStringLiteral("Be kind.")}},
                QJsonObject{
                    {QStringLiteral("role"), QStringLiteral("user")},
                    {QStringLiteral("content"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                            {QStringLiteral("text"), QStringLiteral("Hello")}}}}}};
    }

private slots:
    void initTestCase()
    {
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        QVERIFY(m_server.start());
        ApiClient admin(m_server.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        m_sdk = std::make_unique<ApiClient>(m_server.baseUrl());
        m_sdk->token = admin
                           .post(QStringLiteral("/v1/me/api-keys"),
                                 {{QStringLiteral("name"), QStringLiteral("sdk")}})
                           .json()
                           .value(QLatin1String("key"))
                           .toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_sdk->get(QStringLiteral("/v1/models"))
                                      .json()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .size(),
                                  FakeUpstream::models().size(), 10000);
    }

    void completion()
    {
        const ApiReply reply = complete({{QStringLiteral("model"), QStringLiteral("fake-stream")},
                                         {QStringLiteral("messages"), hello()},
                                         {QStringLiteral("temperature"), 0.2},
                                         {QStringLiteral("max_tokens"), 50},
                                         {QStringLiteral("top_p"), 0.9},
                                         {QStringLiteral("stop"), QStringLiteral("END")}});
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
        QVERIFY(json.value(QLatin1String("id")).toString().startsWith(QLatin1String("chatcmpl-")));
        QCOMPARE(json.value(QLatin1String("model")).toString(), QStringLiteral("fake-stream"));
        const QJsonObject choice = json.value(QLatin1String("choices")).toArray()[0].toObject();
        QCOMPARE(choice.value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("content"))
                     .toString(),
                 QStringLiteral("Hello, world"));
        QCOMPARE(choice.value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("role"))
                     .toString(),
                 QStringLiteral("assistant"));
        QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
        // The provider's fingerprint, passed on as OpenAI's answers carry it.
        QCOMPARE(json.value(QLatin1String("system_fingerprint")).toString(),
                 QStringLiteral("fp_fake_1"));
        QCOMPARE(json.value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("total_tokens"))
                     .toInt(),
                 18);
        const QJsonObject sent = m_upstream.received.last().body;
        QCOMPARE(sent.value(QLatin1String("top_p")).toDouble(), 0.9);
        QCOMPARE(sent.value(QLatin1String("max_tokens")).toInt(), 50);
        // Relayed as the caller wrote them: a single stop string, content parts.
        QCOMPARE(sent.value(QLatin1String("stop")).toString(), QStringLiteral("END"));
        QCOMPARE(sent.value(QLatin1String("messages")).toArray(), hello());
    }

    void streamedCompletionEndsWithDone()
    {
        const ApiReply reply = complete({{QStringLiteral("model"), QStringLiteral("fake-stream")},
                                         {QStringLiteral("messages"), hello()},
                                         {QStringLiteral("stream"), true},
                                         {QStringLiteral("stream_options"),
                                          QJsonObject{{QStringLiteral("include_usage"), true}}}});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("text/event-stream"));
        QList<QJsonObject> chunks;
        bool done = false;
        for (const QByteArray &line : reply.body.split('\n')) {
            if (!line.startsWith("data: "))
                continue;
            if (line == "data: [DONE]") {
                done = true;
                continue;
            }
            QVERIFY(!done); // nothing after [DONE]
            chunks << QJsonDocument::fromJson(line.mid(6)).object();
        }
        QVERIFY(done);
        QString text;
        for (const QJsonObject &chunk : chunks) {
            QCOMPARE(chunk.value(QLatin1String("object")).toString(),
                     QStringLiteral("chat.completion.chunk"));
            for (const QJsonValue &choice : chunk.value(QLatin1String("choices")).toArray())
                text += choice.toObject()
                            .value(QLatin1String("delta"))
                            .toObject()
                            .value(QLatin1String("content"))
                            .toString();
        }
        QCOMPARE(text, QStringLiteral("Hello, world"));
        QCOMPARE(chunks.first().value(QLatin1String("system_fingerprint")).toString(),
                 QStringLiteral("fp_fake_1"));
        QCOMPARE(chunks.first()
                     .value(QLatin1String("choices"))
                     .toArray()[0]
                     .toObject()
                     .value(QLatin1String("delta"))
                     .toObject()
                     .value(QLatin1String("role"))
                     .toString(),
                 QStringLiteral("assistant"));
        QCOMPARE(chunks.last()
                     .value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("total_tokens"))
                     .toInt(),
                 18);
        QCOMPARE(chunks.at(chunks.size() - 2)
                     .value(QLatin1String("choices"))
                     .toArray()[0]
                     .toObject()
                     .value(QLatin1String("finish_reason"))
                     .toString(),
                 QStringLiteral("stop"));
    }

    void errorsUseTheOpenAiShape()
    {
        ApiReply reply = complete({{QStringLiteral("model"), QStringLiteral("fake-stream")}});
        QCOMPARE(reply.status, 400);
        QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("type")).toString(),
                 QStringLiteral("invalid_request_error"));
        QCOMPARE(error.value(QLatin1String("param")).toString(), QStringLiteral("messages"));

        reply = complete({{QStringLiteral("model"), QStringLiteral("gpt-9")},
                          {QStringLiteral("messages"), hello()}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("model_not_found"));

        reply = complete({{QStringLiteral("model"), QStringLiteral("fake-stream")},
                          {QStringLiteral("messages"), hello()},
                          {QStringLiteral("temperature"), 5}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("param"))
                     .toString(),
                 QStringLiteral("temperature"));

        reply = complete({{QStringLiteral("model"), QStringLiteral("fake-error")},
                          {QStringLiteral("messages"), hello()}});
        QCOMPARE(reply.status, 502);
        QVERIFY(!reply.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .isEmpty());

        reply = m_sdk->request("POST", QStringLiteral("/v1/chat/completions"), "{not json",
                               {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.json().contains(QLatin1String("error")));

        ApiClient wrong(m_server.baseUrl());
        wrong.token = QStringLiteral("hk-wrong");
        reply = wrong.request("POST", QStringLiteral("/v1/chat/completions"), "{}",
                              {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("invalid_api_key"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiApi)
#include "tst_openai_api.moc"
