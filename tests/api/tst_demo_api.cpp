#include "ApiClient.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

// A server with no provider configured: the built-in demo answers.
class TestDemoApi final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<ApiClient> m_client;

    QString newConversation() { return m_client->createConversation(QStringLiteral("demo")); }
    ApiReply send(const QString &conversation, const QString &text, const QString &model = {})
    {
        return m_client->post(ApiClient::messagesPath(conversation),
                              ApiClient::userMessage(text, model));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_client = std::make_unique<ApiClient>(m_server.baseUrl());
        m_client->login(TestServer::adminEmail, TestServer::adminPassword);
    }

    void theDemoModelIsListed()
    {
        const QJsonArray data = m_client->get(QStringLiteral("/v1/models"))
                                    .json()
                                    .value(QLatin1String("data"))
                                    .toArray();
        QCOMPARE(data.size(), 1);
        const QJsonObject demo = data.first().toObject();
        QCOMPARE(demo.value(QLatin1String("id")).toString(), QStringLiteral("hearth-demo"));
        QVERIFY(demo.value(QLatin1String("name")).toString().contains(QLatin1String("Demo")));
        QVERIFY(demo.value(QLatin1String("context")).toInt() > 0);
    }

    void theOriginalCurlExampleWorksOffline()
    {
        // The original backend's documented request asks for gpt-4: with no
        // provider configured the demo answers, and says it is the demo.
        const ApiReply reply = send(newConversation(), QStringLiteral("你好，请介绍一下你自己"),
                                    QStringLiteral("gpt-4"));
        QCOMPARE(reply.status, 200);
        const QJsonObject message = reply.json().value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("model")).toString(), QStringLiteral("hearth-demo"));
        QVERIFY(
            message.value(QLatin1String("content")).toString().contains(QStringLiteral("演示")));
        QVERIFY(reply.json()
                    .value(QLatin1String("usage"))
                    .toObject()
                    .value(QLatin1String("estimated"))
                    .toBool());
    }

    void englishQuestionsGetAnEnglishAnswer()
    {
        const ApiReply reply = send(newConversation(), QStringLiteral("Hello there"));
        QCOMPARE(reply.status, 200);
        const QString content = reply.json()
                                    .value(QLatin1String("message"))
                                    .toObject()
                                    .value(QLatin1String("content"))
                                    .toString();
        QVERIFY(content.contains(QLatin1String("demo")));
        QVERIFY(content.contains(QLatin1String("Hello there")));
    }

    void messageHistoryPagesBackwards()
    {
        const QString conversation = newConversation();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(send(conversation, QStringLiteral("message %1").arg(i)).status, 200);
        const QString base =
            QStringLiteral("/v1/conversations/") + conversation + QStringLiteral("/messages");
        const QJsonArray all = m_client->get(base).array();
        QCOMPARE(all.size(), 6);
        QCOMPARE(all[0].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("message 0"));

        const ApiReply newest = m_client->get(base + QStringLiteral("?limit=4"));
        QCOMPARE(newest.array().size(), 4);
        QCOMPARE(newest.array()[0].toObject().value(QLatin1String("id")),
                 all[2].toObject().value(QLatin1String("id")));
        static const QRegularExpression link(QStringLiteral("<([^>]+)>;\\s*rel=\"next\""));
        const auto match = link.match(QString::fromUtf8(newest.header("Link")));
        QVERIFY(match.hasMatch());
        const ApiReply older = m_client->get(match.captured(1));
        QCOMPARE(older.array().size(), 2);
        QCOMPARE(older.array()[0].toObject().value(QLatin1String("id")),
                 all[0].toObject().value(QLatin1String("id")));
        QVERIFY(older.header("Link").isEmpty());

        const QJsonObject included = m_client
                                         ->get(QStringLiteral("/v1/conversations/") + conversation +
                                               QStringLiteral("?include=messages"))
                                         .json();
        QCOMPARE(included.value(QLatin1String("messages")).toArray(), all);
        QCOMPARE(included.value(QLatin1String("messageCount")).toInt(), 6);
    }

    void aLocalOllamaIsUsedWhenItAnswers()
    {
        FakeUpstream ollama;
        TestServer server;
        server.config.ollamaUrl = ollama.baseUrl();
        QVERIFY(server.start());
        ApiClient client(server.baseUrl());
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/v1/models"))
                                      .json()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .size(),
                                  FakeUpstream::models().size(), 10000);
        const QJsonObject first = client.get(QStringLiteral("/v1/models"))
                                      .json()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(first.value(QLatin1String("provider")).toString(), QStringLiteral("Ollama"));
    }

    void noOllamaMeansTheDemo()
    {
        TestServer server;
        server.config.ollamaUrl = QStringLiteral("http://127.0.0.1:1/v1"); // nothing listens there
        QVERIFY(server.start());
        ApiClient client(server.baseUrl());
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString id = client
                               .post(QStringLiteral("/v1/conversations"),
                                     {{QStringLiteral("title"), QStringLiteral("t")}})
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        const ApiReply reply =
            client.post(QStringLiteral("/v1/conversations/") + id + QStringLiteral("/messages"),
                        {{QStringLiteral("role"), QStringLiteral("user")},
                         {QStringLiteral("content"), QStringLiteral("hi")}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("model"))
                     .toString(),
                 QStringLiteral("hearth-demo"));
    }
};

QTEST_GUILESS_MAIN(TestDemoApi)
#include "tst_demo_api.moc"
