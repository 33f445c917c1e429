// The original Go backend's own web client, as it talks to Hearth: the
// models list before its token, a preflight naming Cache-Control, a refresh
// in snake_case. Each failed against Hearth before.
#include "ApiClient.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

namespace {

const QByteArray webOrigin = "http://localhost:5173";

QStringList modelIds(const QJsonArray &data)
{
    QStringList ids;
    for (const QJsonValue &model : data)
        ids << model.toObject().value(QLatin1String("id")).toString();
    return ids;
}

} // namespace

class TestOriginalClientApi final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;

    QString loginRefreshToken()
    {
        ApiClient client(m_server.baseUrl());
        return client.login(TestServer::adminEmail, TestServer::adminPassword)
            .value(QLatin1String("refreshToken"))
            .toString();
    }

private slots:
    void initTestCase()
    {
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        m_server.config.corsAllowedOrigins = {QString::fromLatin1(webOrigin)};
        QVERIFY(m_server.start());
    }

    void modelsAnswerWithoutAToken()
    {
        ApiClient anonymous(m_server.baseUrl());
        ApiClient admin(m_server.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(modelIds(admin.get(QStringLiteral("/v1/models"))
                                              .json()
                                              .value(QLatin1String("data"))
                                              .toArray())
                                     .contains(FakeUpstream::models().first()),
                                 10000);

        const ApiReply open = anonymous.get(QStringLiteral("/v1/models"));
        QCOMPARE(open.status, 200);
        QCOMPARE(open.json().value(QLatin1String("object")).toString(), QStringLiteral("list"));
        const QJsonArray data = open.json().value(QLatin1String("data")).toArray();
        const QJsonArray signedIn =
            admin.get(QStringLiteral("/v1/models")).json().value(QLatin1String("data")).toArray();
        QCOMPARE(modelIds(data), modelIds(signedIn));
        for (const QJsonValue &value : data) {
            const QJsonObject model = value.toObject();
            for (const char *field : {"id", "object", "created", "owned_by", "name", "available"})
                QVERIFY2(model.contains(QLatin1String(field)), field);
            // Nothing about the providers behind the models.
            QVERIFY(!model.contains(QLatin1String("provider")));
        }
        QVERIFY(signedIn.first().toObject().contains(QLatin1String("provider")));
    }

    void aTokenThatIsSentIsStillChecked()
    {
        ApiClient client(m_server.baseUrl());
        client.token = QStringLiteral("not-a-token");
        const ApiReply reply = client.get(QStringLiteral("/v1/models"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.code(), QStringLiteral("UNAUTHORIZED"));
    }

    void modelsCanBeForSignedInUsersOnly()
    {
        TestServer closed;
        closed.config.publicModels = false;
        QVERIFY(closed.start());
        ApiClient anonymous(closed.baseUrl());
        QCOMPARE(anonymous.get(QStringLiteral("/v1/models")).status, 401);
        ApiClient admin(closed.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(admin.get(QStringLiteral("/v1/models")).status, 200);
    }

    void preflightAllowsWhatBrowserClientsSend()
    {
        ApiClient client(m_server.baseUrl());
        const ApiReply reply =
            client.request("OPTIONS", QStringLiteral("/v1/conversations/x/messages"), {},
                           {{"Origin", webOrigin},
                            {"Access-Control-Request-Method", "POST"},
                            {"Access-Control-Request-Headers",
                             "authorization,cache-control,content-type,x-stainless-os"}});
        QCOMPARE(reply.status, 204);
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), webOrigin);
        const QList<QByteArray> allowed = reply.header("Access-Control-Allow-Headers").split(',');
        QStringList names;
        for (const QByteArray &name : allowed)
            names << QString::fromLatin1(name.trimmed().toLower());
        for (const char *wanted :
             {"authorization", "cache-control", "content-type", "x-stainless-os"})
            QVERIFY2(names.contains(QLatin1String(wanted)), wanted);
    }

    void preflightLeavesOutOtherHeaders()
    {
        ApiClient client(m_server.baseUrl());
        const ApiReply reply = client.request("OPTIONS", QStringLiteral("/v1/models"), {},
                                              {{"Origin", webOrigin},
                                               {"Access-Control-Request-Method", "GET"},
                                               {"Access-Control-Request-Headers", "x-made-up"}});
        QCOMPARE(reply.status, 204);
        QVERIFY(!reply.header("Access-Control-Allow-Headers").toLower().contains("x-made-up"));
    }

    void corsAllowedHeadersReplacesTheList()
    {
        TestServer narrow;
        narrow.config.corsAllowedOrigins = {QString::fromLatin1(webOrigin)};
        narrow.config.corsAllowedHeaders = {QStringLiteral("Authorization"),
                                            QStringLiteral("X-Team-*")};
        QVERIFY(narrow.start());
        ApiClient client(narrow.baseUrl());
        const ApiReply reply = client.request(
            "OPTIONS", QStringLiteral("/v1/models"), {},
            {{"Origin", webOrigin},
             {"Access-Control-Request-Method", "GET"},
             {"Access-Control-Request-Headers", "authorization, cache-control, x-team-id"}});
        const QByteArray allowed = reply.header("Access-Control-Allow-Headers").toLower();
        QVERIFY(allowed.contains("authorization"));
        QVERIFY(allowed.contains("x-team-id"));
        QVERIFY(!allowed.contains("cache-control"));
    }

    void streamsToAnotherOrigin()
    {
        ApiClient client(m_server.baseUrl());
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString conversation = client.createConversation();
        const ApiReply reply = client.request(
            "POST", ApiClient::messagesPath(conversation),
            QJsonDocument(ApiClient::userMessage(QStringLiteral("你好"),
                                                 FakeUpstream::models().first(), true))
                .toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"},
             {"Accept", "text/event-stream"},
             {"Cache-Control", "no-cache"},
             {"Origin", webOrigin}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), webOrigin);
        QVERIFY(reply.header("Content-Type").startsWith("text/event-stream"));
        QVERIFY(reply.body.contains("data:"));
    }

    void refreshTakesAndGivesSnakeCase()
    {
        ApiClient client(m_server.baseUrl());
        const ApiReply reply =
            client.post(QStringLiteral("/v1/auth/refresh"),
                        {{QStringLiteral("refresh_token"), loginRefreshToken()}});
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        const QString access = body.value(QLatin1String("access_token")).toString();
        QVERIFY(!access.isEmpty());
        QCOMPARE(access, body.value(QLatin1String("accessToken")).toString());
        QCOMPARE(body.value(QLatin1String("refresh_token")).toString(),
                 body.value(QLatin1String("refreshToken")).toString());
        QCOMPARE(body.value(QLatin1String("expires_in")).toInt(),
                 body.value(QLatin1String("expiresIn")).toInt());
        QCOMPARE(body.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));

        client.token = access;
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 200);
        // The rotated token, in the same spelling, signs out.
        QCOMPARE(client
                     .post(QStringLiteral("/v1/auth/logout"),
                           {{QStringLiteral("refresh_token"),
                             body.value(QLatin1String("refresh_token")).toString()}})
                     .status,
                 204);
    }

    void twoDifferentSpellingsAreRefused()
    {
        ApiClient client(m_server.baseUrl());
        const QString token = loginRefreshToken();
        const ApiReply reply =
            client.post(QStringLiteral("/v1/auth/refresh"),
                        {{QStringLiteral("refresh_token"), token},
                         {QStringLiteral("refreshToken"), token + QLatin1Char('x')}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QStringLiteral("VALIDATION_ERROR"));
        // Nothing was spent: the token still refreshes.
        QCOMPARE(
            client
                .post(QStringLiteral("/v1/auth/refresh"), {{QStringLiteral("refreshToken"), token}})
                .status,
            200);
    }
};

QTEST_GUILESS_MAIN(TestOriginalClientApi)
#include "tst_original_client_api.moc"
