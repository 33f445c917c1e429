#include "ApiClient.h"
#include "TestServer.h"

#include "security/Jwt.h"

#include <QtCore/QDateTime>
#include <QtTest/QTest>

class TestAuthApi final : public QObject
{
    Q_OBJECT
    TestServer m_server;

    ApiReply loginReply(const QString &email, const QString &password)
    {
        ApiClient client(m_server.baseUrl());
        return client.post(
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    }

    QString forgeToken(qint64 exp, const QString &sub)
    {
        hearth::Jwt jwt(TestServer::jwtSecret);
        return QString::fromLatin1(jwt.sign({{QStringLiteral("sub"), sub},
                                             {QStringLiteral("ver"), 0},
                                             {QStringLiteral("exp"), exp}}));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(
            m_server.addUser(QStringLiteral("bob@example.com"), QStringLiteral("bob-password")));
    }

    void loginReturnsTokensAndUser()
    {
        const ApiReply reply = loginReply(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(QLatin1String("tokenType")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(json.value(QLatin1String("expiresIn")).toInt(), 3600);
        QVERIFY(json.value(QLatin1String("accessToken")).toString().count(u'.') == 2);
        QVERIFY(json.value(QLatin1String("refreshToken")).toString().size() >= 40);
        const QJsonObject user = json.value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("email")).toString(), TestServer::adminEmail);
        QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        for (const char *field : {"id", "name", "avatar", "createdAt"})
            QVERIFY2(user.contains(QLatin1String(field)), field);
    }

    void emailIsCaseInsensitive()
    {
        QCOMPARE(
            loginReply(QStringLiteral("BOB@Example.com"), QStringLiteral("bob-password")).status,
            200);
    }

    void wrongPasswordAndUnknownEmailLookTheSame()
    {
        const ApiReply wrong =
            loginReply(QStringLiteral("bob@example.com"), QStringLiteral("not-bobs-pw"));
        const ApiReply unknown =
            loginReply(QStringLiteral("nobody@example.com"), QStringLiteral("whatever1"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.code(), QStringLiteral("INVALID_CREDENTIALS"));
        QCOMPARE(wrong.body, unknown.body);
    }

    void loginValidation()
    {
        ApiReply reply = loginReply(QStringLiteral("not-an-email"), QStringLiteral("short"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QStringLiteral("VALIDATION_ERROR"));
        const QJsonArray errors = reply.json()
                                      .value(QLatin1String("details"))
                                      .toObject()
                                      .value(QLatin1String("errors"))
                                      .toArray();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0].toString(), QStringLiteral("email must be an email address"));
        QCOMPARE(errors[1].toString(), QStringLiteral("password must be 8–128 characters long"));

        reply = loginReply(QStringLiteral("a@example.com"), QString(129, u'x'));
        QCOMPARE(reply.status, 400);
    }

    void malformedBodies()
    {
        ApiClient client(m_server.baseUrl());
        ApiReply reply = client.request("POST", QStringLiteral("/v1/auth/login"),
                                        "{\"email\":", {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QStringLiteral("INVALID_JSON"));

        reply = client.request("POST", QStringLiteral("/v1/auth/login"), "[1,2]",
                               {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QStringLiteral("INVALID_JSON"));

        reply = client.request("POST", QStringLiteral("/v1/auth/login"), "email=a&password=b",
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(reply.status, 415);
        QCOMPARE(reply.code(), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"));

        reply = client.post(QStringLiteral("/v1/auth/login"),
                            {{QStringLiteral("email"), 42}, {QStringLiteral("password"), true}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QStringLiteral("VALIDATION_ERROR"));
    }

    void meNeedsAValidToken()
    {
        ApiClient client(m_server.baseUrl());
        ApiReply reply = client.get(QStringLiteral("/v1/me"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.code(), QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(reply.header("WWW-Authenticate"), QByteArray("Bearer"));

        client.login(QStringLiteral("bob@example.com"), QStringLiteral("bob-password"));
        reply = client.get(QStringLiteral("/v1/me"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("email")).toString(),
                 QStringLiteral("bob@example.com"));
        QCOMPARE(reply.json().value(QLatin1String("role")).toString(), QStringLiteral("user"));
        QVERIFY(!reply.json().contains(QLatin1String("passwordHash")));

        const QString good = client.token;
        client.token = good.left(good.size() - 3) + QStringLiteral("abc"); // tampered signature
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 401);
        client.token = QStringLiteral("not-a-jwt");
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 401);

        ApiClient raw(m_server.baseUrl());
        reply =
            raw.request("GET", QStringLiteral("/v1/me"), {}, {{"Authorization", "Basic Ym9iOnB3"}});
        QCOMPARE(reply.status, 401);
    }

    void expiredAndUnsignedTokensAreRefused()
    {
        ApiClient client(m_server.baseUrl());
        const QString userId =
            client.login(QStringLiteral("bob@example.com"), QStringLiteral("bob-password"))
                .value(QLatin1String("user"))
                .toObject()
                .value(QLatin1String("id"))
                .toString();
        client.token = forgeToken(QDateTime::currentSecsSinceEpoch() + 600, userId);
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 200); // the forge itself works

        client.token = forgeToken(QDateTime::currentSecsSinceEpoch() - 5, userId);
        const ApiReply expired = client.get(QStringLiteral("/v1/me"));
        QCOMPARE(expired.status, 401);
        QVERIFY(expired.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("expired")));

        const QByteArray header =
            QByteArray(R"({"alg":"none","typ":"JWT"})")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QString signedPart = forgeToken(QDateTime::currentSecsSinceEpoch() + 600, userId);
        client.token = QString::fromLatin1(header) + QLatin1Char('.') +
                       signedPart.section(u'.', 1, 1) + QLatin1Char('.');
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 401);
    }

    void refreshRotatesAndDetectsReuse()
    {
        ApiClient client(m_server.baseUrl());
        const QString first =
            client.login(QStringLiteral("bob@example.com"), QStringLiteral("bob-password"))
                .value(QLatin1String("refreshToken"))
                .toString();
        ApiReply reply = client.post(QStringLiteral("/v1/auth/refresh"),
                                     {{QStringLiteral("refreshToken"), first}});
        QCOMPARE(reply.status, 200);
        const QString second = reply.json().value(QLatin1String("refreshToken")).toString();
        QVERIFY(!second.isEmpty() && second != first);
        QCOMPARE(reply.json().value(QLatin1String("expiresIn")).toInt(), 3600);
        client.token = reply.json().value(QLatin1String("accessToken")).toString();
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 200);

        // The rotated token again: reuse, so the whole login is revoked.
        reply = client.post(QStringLiteral("/v1/auth/refresh"),
                            {{QStringLiteral("refreshToken"), first}});
        QCOMPARE(reply.status, 401);
        reply = client.post(QStringLiteral("/v1/auth/refresh"),
                            {{QStringLiteral("refreshToken"), second}});
        QCOMPARE(reply.status, 401);

        reply = client.post(QStringLiteral("/v1/auth/refresh"),
                            {{QStringLiteral("refreshToken"), QStringLiteral("made-up")}});
        QCOMPARE(reply.status, 401);
        reply = client.post(QStringLiteral("/v1/auth/refresh"), QJsonObject{});
        QCOMPARE(reply.status, 400);
    }

    void logoutRevokesTheRefreshToken()
    {
        ApiClient client(m_server.baseUrl());
        const QString token =
            client.login(QStringLiteral("bob@example.com"), QStringLiteral("bob-password"))
                .value(QLatin1String("refreshToken"))
                .toString();
        ApiReply reply = client.post(QStringLiteral("/v1/auth/logout"),
                                     {{QStringLiteral("refreshToken"), token}});
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());
        reply = client.post(QStringLiteral("/v1/auth/refresh"),
                            {{QStringLiteral("refreshToken"), token}});
        QCOMPARE(reply.status, 401);
        reply = client.post(QStringLiteral("/v1/auth/logout"),
                            {{QStringLiteral("refreshToken"), token}});
        QCOMPARE(reply.status, 204);
    }

    void disablingAnAccountFromTheCommandLineEndsItsSessions()
    {
        QVERIFY(m_server.addUser(QStringLiteral("carol@example.com"),
                                 QStringLiteral("carol-password")));
        ApiClient client(m_server.baseUrl());
        const QString refresh =
            client.login(QStringLiteral("carol@example.com"), QStringLiteral("carol-password"))
                .value(QLatin1String("refreshToken"))
                .toString();
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 200);
        QVERIFY(m_server.runUserCommand({QStringLiteral("disable"), QStringLiteral("--email"),
                                         QStringLiteral("carol@example.com")}));
        // The unexpired token is refused: at once when disabled through the
        // server (tst_admin_api), within AuthCache::maxAgeMs when another
        // process changed the database.
        QTRY_COMPARE(client.get(QStringLiteral("/v1/me")).status, 403);
        ApiReply reply = client.post(QStringLiteral("/v1/auth/refresh"),
                                     {{QStringLiteral("refreshToken"), refresh}});
        QCOMPARE(reply.status, 401);
        reply = loginReply(QStringLiteral("carol@example.com"), QStringLiteral("carol-password"));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code(), QStringLiteral("FORBIDDEN"));
    }

    void passwordChangeEndsOldTokens()
    {
        QVERIFY(
            m_server.addUser(QStringLiteral("dave@example.com"), QStringLiteral("dave-password")));
        ApiClient client(m_server.baseUrl());
        client.login(QStringLiteral("dave@example.com"), QStringLiteral("dave-password"));
        QVERIFY(m_server.runUserCommand({QStringLiteral("passwd"), QStringLiteral("--email"),
                                         QStringLiteral("dave@example.com"),
                                         QStringLiteral("--password"),
                                         QStringLiteral("dave-new-password")}));
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(
            loginReply(QStringLiteral("dave@example.com"), QStringLiteral("dave-password")).status,
            401);
        QCOMPARE(loginReply(QStringLiteral("dave@example.com"), QStringLiteral("dave-new-password"))
                     .status,
                 200);
    }

    void repeatedFailuresAreThrottled()
    {
        QVERIFY(
            m_server.addUser(QStringLiteral("eve@example.com"), QStringLiteral("eve-password")));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(loginReply(QStringLiteral("eve@example.com"),
                                QStringLiteral("wrong-guess-%1").arg(i))
                         .status,
                     401);
        const ApiReply reply =
            loginReply(QStringLiteral("eve@example.com"), QStringLiteral("eve-password"));
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.code(), QStringLiteral("RATE_LIMITED"));
        QVERIFY(reply.header("Retry-After").toInt() > 0);
        // Other accounts are not locked out by eve's attacker.
        QCOMPARE(
            loginReply(QStringLiteral("bob@example.com"), QStringLiteral("bob-password")).status,
            200);
    }
};

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_auth_api.moc"
