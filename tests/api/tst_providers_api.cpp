#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "FreePorts.h"
#include "TestServer.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtTest/QTest>

namespace {
const QString secretKey = QStringLiteral("sk-provider-SECRET-0123456789abcdef");

} // namespace

class TestProvidersApi final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;

    QJsonArray modelIds()
    {
        QJsonArray ids;
        for (const QJsonValue &m : m_admin->get(QStringLiteral("/v1/models"))
                                       .json()
                                       .value(QLatin1String("data"))
                                       .toArray())
            ids.append(m.toObject().value(QLatin1String("id")));
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_admin = std::make_unique<ApiClient>(m_server.baseUrl());
        m_admin->login(TestServer::adminEmail, TestServer::adminPassword);
    }

    void addingAProviderFetchesItsModelsAndHidesItsKey()
    {
        QCOMPARE(modelIds(), QJsonArray{QStringLiteral("hearth-demo")}); // nothing configured yet
        const ApiReply reply = m_admin->post(QStringLiteral("/v1/admin/providers"),
                                             {{QStringLiteral("name"), QStringLiteral("Fake")},
                                              {QStringLiteral("baseUrl"), m_upstream.baseUrl()},
                                              {QStringLiteral("apiKey"), secretKey}});
        QCOMPARE(reply.status, 201);
        const QJsonObject provider = reply.json();
        QCOMPARE(provider.value(QLatin1String("apiKey")).toString(), QStringLiteral("sk-…cdef"));
        QCOMPARE(provider.value(QLatin1String("models")).toArray().size(),
                 FakeUpstream::models().size());
        QCOMPARE(provider.value(QLatin1String("enabled")).toBool(), true);
        QVERIFY(!reply.body.contains("SECRET"));
        QCOMPARE(m_upstream.received.last().headers.value("authorization"),
                 (QStringLiteral("Bearer ") + secretKey).toUtf8());

        QVERIFY(modelIds().contains(QStringLiteral("fake-stream")));
        const QString id = provider.value(QLatin1String("id")).toString();
        const ApiReply listed = m_admin->get(QStringLiteral("/v1/admin/providers"));
        QCOMPARE(listed.array().size(), 1);
        QVERIFY(!listed.body.contains("SECRET"));
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/providers/") + id)
                     .json()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("Fake"));

        // Encrypted at rest: the key is nowhere in the database files.
        const QByteArray stored = dbEverything(m_server.config);
        QVERIFY(stored.contains("v1:"));               // the sealed key is there…
        QVERIFY(!stored.contains(secretKey.toUtf8())); // …but not the key
        QVERIFY(!stored.contains("SECRET"));
        const QString keyFile =
            QDir(m_server.config.dataDir).filePath(QStringLiteral("secret.key"));
        QVERIFY(QFile::exists(keyFile));
        QCOMPARE(QFile::permissions(keyFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        // And it still works: a chat goes through with the key.
        ApiClient &c = *m_admin;
        const QString conversation = c.post(QStringLiteral("/v1/conversations"),
                                            {{QStringLiteral("title"), QStringLiteral("t")}})
                                         .json()
                                         .value(QLatin1String("id"))
                                         .toString();
        QCOMPARE(c.post(QStringLiteral("/v1/conversations/") + conversation +
                            QStringLiteral("/messages"),
                        {{QStringLiteral("role"), QStringLiteral("user")},
                         {QStringLiteral("content"), QStringLiteral("hi")},
                         {QStringLiteral("model"), QStringLiteral("fake-stream")}})
                     .status,
                 200);
        QCOMPARE(m_upstream.received.last().headers.value("authorization"),
                 (QStringLiteral("Bearer ") + secretKey).toUtf8());
    }

    void testEndpointAndUpdates()
    {
        const QString id = m_admin->get(QStringLiteral("/v1/admin/providers"))
                               .array()[0]
                               .toObject()
                               .value(QLatin1String("id"))
                               .toString();
        ApiReply reply = m_admin->post(
            QStringLiteral("/v1/admin/providers/") + id + QStringLiteral("/test"), QJsonObject{});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(reply.json().value(QLatin1String("models")).toArray().size(),
                 FakeUpstream::models().size());
        QVERIFY(reply.json().value(QLatin1String("latencyMs")).isDouble());

        reply =
            m_admin->patch(QStringLiteral("/v1/admin/providers/") + id,
                           {{QStringLiteral("models"), QJsonArray{QStringLiteral("fake-stream")}},
                            {QStringLiteral("priority"), 5}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("models")).toArray(),
                 QJsonArray{QStringLiteral("fake-stream")});
        QCOMPARE(reply.json().value(QLatin1String("apiKey")).toString(),
                 QStringLiteral("sk-…cdef")); // key kept
        QCOMPARE(modelIds(), QJsonArray{QStringLiteral("fake-stream")});

        reply = m_admin->patch(QStringLiteral("/v1/admin/providers/") + id,
                               {{QStringLiteral("enabled"), false}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(modelIds(), QJsonArray{QStringLiteral("hearth-demo")});
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/providers/") + id,
                             {{QStringLiteral("enabled"), true},
                              {QStringLiteral("models"), QJsonValue()}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(modelIds().size(), FakeUpstream::models().size(), 10000);

        reply = m_admin->patch(QStringLiteral("/v1/admin/providers/") + id,
                               {{QStringLiteral("apiKey"), QJsonValue()}});
        QVERIFY(reply.json().value(QLatin1String("apiKey")).isNull());
    }

    void validation()
    {
        ApiReply reply =
            m_admin->post(QStringLiteral("/v1/admin/providers"),
                          {{QStringLiteral("name"), QString()},
                           {QStringLiteral("baseUrl"), QStringLiteral("ftp://example.com")},
                           {QStringLiteral("models"), QStringLiteral("all")},
                           {QStringLiteral("priority"), 1.5}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json()
                     .value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("errors"))
                     .toArray()
                     .size(),
                 4);
        reply = m_admin->post(
            QStringLiteral("/v1/admin/providers"),
            {{QStringLiteral("name"), QStringLiteral("x")},
             {QStringLiteral("baseUrl"), QStringLiteral("http://user:pw@example.com/v1")}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/providers/nope")).status, 404);
        QCOMPARE(m_admin->del(QStringLiteral("/v1/admin/providers/nope")).status, 404);
        QCOMPARE(
            m_admin->post(QStringLiteral("/v1/admin/providers/nope/test"), QJsonObject{}).status,
            404);
    }

    // A first run tests an address and key before anything is saved, and
    // says what is wrong in words a person can act on.
    void settingsAreTestedBeforeTheyAreSaved()
    {
        const int providersBefore =
            m_admin->get(QStringLiteral("/v1/admin/providers")).array().size();
        const QString path = QStringLiteral("/v1/admin/providers/test");
        const QString goodKey = QStringLiteral("sk-first-run-0123456789abcdef");
        const QString wrongKey = QStringLiteral("sk-WRONGKEY-0123456789abcdef");
        m_upstream.requireKey(goodKey.toUtf8());

        ApiReply reply = m_admin->post(path, {{QStringLiteral("baseUrl"), m_upstream.baseUrl()},
                                              {QStringLiteral("apiKey"), goodKey}});
        m_upstream.requireKey({});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(reply.json().value(QLatin1String("models")).toArray().size(),
                 FakeUpstream::models().size());
        QVERIFY(reply.json().value(QLatin1String("error")).isNull());
        QCOMPARE(m_upstream.received.last().headers.value("authorization"),
                 (QStringLiteral("Bearer ") + goodKey).toUtf8());
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/providers")).array().size(),
                 providersBefore); // tested, not saved

        m_upstream.requireKey(goodKey.toUtf8());
        reply = m_admin->post(path, {{QStringLiteral("baseUrl"), m_upstream.baseUrl()},
                                     {QStringLiteral("apiKey"), wrongKey}});
        m_upstream.requireKey({});
        QCOMPARE(reply.json().value(QLatin1String("ok")).toBool(), false);
        const QString refusal = reply.json().value(QLatin1String("error")).toString();
        QVERIFY2(refusal.startsWith(QLatin1String("The provider did not accept the API key (401)")),
                 qPrintable(refusal));
        QVERIFY2(refusal.contains(QLatin1String("Authentication Fails")), qPrintable(refusal));
        QVERIFY(!reply.body.contains("WRONGKEY")); // the provider quoted it; we do not

        const quint16 closedPort = freePorts(1).value(0);
        reply = m_admin->post(path, {{QStringLiteral("baseUrl"),
                                      QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort)}});
        QCOMPARE(reply.json().value(QLatin1String("ok")).toBool(), false);
        QVERIFY2(reply.json()
                     .value(QLatin1String("error"))
                     .toString()
                     .startsWith(QStringLiteral("Nothing answers at 127.0.0.1:%1").arg(closedPort)),
                 qPrintable(reply.json().value(QLatin1String("error")).toString()));

        QString noApi = m_upstream.baseUrl();
        noApi.chop(3); // without /v1: the fake has no /models there
        reply = m_admin->post(path, {{QStringLiteral("baseUrl"), noApi}});
        QVERIFY2(reply.json()
                     .value(QLatin1String("error"))
                     .toString()
                     .startsWith(
                         QLatin1String("There is no OpenAI-compatible API at this address (404)")),
                 qPrintable(reply.json().value(QLatin1String("error")).toString()));

        // A web page answers 200, but not with a model list.
        noApi += QStringLiteral("/web");
        reply = m_admin->post(path, {{QStringLiteral("baseUrl"), noApi}});
        QCOMPARE(reply.json().value(QLatin1String("ok")).toBool(), false);
        QVERIFY2(reply.json()
                     .value(QLatin1String("error"))
                     .toString()
                     .contains(QLatin1String("not with a list of models")),
                 qPrintable(reply.json().value(QLatin1String("error")).toString()));

        QCOMPARE(m_admin->post(path, {{QStringLiteral("apiKey"), goodKey}}).status, 400);
        QCOMPARE(
            m_admin->post(path, {{QStringLiteral("baseUrl"), QStringLiteral("ftp://x")}}).status,
            400);
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/providers")).array().size(),
                 providersBefore);
    }

    void aDownProviderFailsOverToTheNext()
    {
        // A dead endpoint with the higher priority, serving the same model by hand.
        ApiReply reply =
            m_admin->post(QStringLiteral("/v1/admin/providers"),
                          {{QStringLiteral("name"), QStringLiteral("Dead")},
                           {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:1/v1")},
                           {QStringLiteral("models"), QJsonArray{QStringLiteral("fake-stream")}},
                           {QStringLiteral("priority"), 100}});
        QCOMPARE(reply.status, 201);
        const QString deadId = reply.json().value(QLatin1String("id")).toString();
        const QString conversation = m_admin
                                         ->post(QStringLiteral("/v1/conversations"),
                                                {{QStringLiteral("title"), QStringLiteral("f")}})
                                         .json()
                                         .value(QLatin1String("id"))
                                         .toString();
        reply = m_admin->post(QStringLiteral("/v1/conversations/") + conversation +
                                  QStringLiteral("/messages"),
                              {{QStringLiteral("role"), QStringLiteral("user")},
                               {QStringLiteral("content"), QStringLiteral("hi")},
                               {QStringLiteral("model"), QStringLiteral("fake-stream")},
                               {QStringLiteral("stream"), true}});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.contains("message.done"));
        QVERIFY(!reply.body.contains("event: error"));
        QCOMPARE(dbValue(m_server.config,
                         QStringLiteral("SELECT COUNT(*) FROM usage_ledger WHERE provider = 'Dead' "
                                        "AND status = 'error'"))
                     .toInt(),
                 1);
        QCOMPARE(m_admin->del(QStringLiteral("/v1/admin/providers/") + deadId).status, 204);
    }

    void theEnvironmentsProvidersAreStoredOnce()
    {
        FakeUpstream other;
        TestServer server;
        server.config.providers = {{other.baseUrl(), QStringLiteral("sk-env-key-1234567890")}};
        QVERIFY(server.start());
        ApiClient admin(server.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(admin.get(QStringLiteral("/v1/admin/providers"))
                                      .array()[0]
                                      .toObject()
                                      .value(QLatin1String("models"))
                                      .toArray()
                                      .size(),
                                  FakeUpstream::models().size(), 10000);
        QCOMPARE(admin.get(QStringLiteral("/v1/admin/providers")).array().size(), 1);
        server.stop();
        QVERIFY(server.start()); // again: no duplicate
        ApiClient again(server.baseUrl());
        again.login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(again.get(QStringLiteral("/v1/admin/providers")).array().size(), 1);
        QCOMPARE(again.get(QStringLiteral("/v1/admin/providers"))
                     .array()[0]
                     .toObject()
                     .value(QLatin1String("apiKey"))
                     .toString(),
                 QStringLiteral("sk-…7890"));
    }
};

QTEST_GUILESS_MAIN(TestProvidersApi)
#include "tst_providers_api.moc"
