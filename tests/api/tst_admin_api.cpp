#include "ApiClient.h"
#include "TestServer.h"

#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

namespace {
QString linkNext(const ApiReply &reply)
{
    static const QRegularExpression link(QStringLiteral("<([^>]+)>;\\s*rel=\"next\""));
    return link.match(QString::fromUtf8(reply.header("Link"))).captured(1);
}
} // namespace

class TestAdminApi final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_user;
    QString m_adminId;

    QString createUser(const QString &email, const QString &role = QStringLiteral("user"))
    {
        const ApiReply reply =
            m_admin->post(QStringLiteral("/v1/admin/users"),
                          {{QStringLiteral("email"), email},
                           {QStringLiteral("password"), QStringLiteral("password-123")},
                           {QStringLiteral("role"), role}});
        return reply.json().value(QLatin1String("id")).toString();
    }

private slots:
    void initTestCase()
    {
        m_server.config.chatRateLimit.clear(); // the admin decides
        QVERIFY(m_server.start());
        m_admin = std::make_unique<ApiClient>(m_server.baseUrl());
        m_adminId = m_admin->login(TestServer::adminEmail, TestServer::adminPassword)
                        .value(QLatin1String("user"))
                        .toObject()
                        .value(QLatin1String("id"))
                        .toString();
        QVERIFY(m_server.addUser(QStringLiteral("plain@example.com"),
                                 QStringLiteral("plain-password")));
        m_user = std::make_unique<ApiClient>(m_server.baseUrl());
        m_user->login(QStringLiteral("plain@example.com"), QStringLiteral("plain-password"));
    }

    void adminRoutesRefuseOthers_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        // Every admin route the server has: a new one cannot be forgotten.
        int rows = 0;
        for (const QString &route : m_server.routes()) {
            const QByteArray method = route.section(u' ', 0, 0).toLatin1();
            QString path = route.section(u' ', 1);
            if (!path.startsWith(QLatin1String("/v1/admin")) || method == "OPTIONS")
                continue;
            path.replace(QRegularExpression(QStringLiteral(":[a-zA-Z]+")), QStringLiteral("x"));
            QTest::newRow(qPrintable(route)) << method << path;
            ++rows;
        }
        QVERIFY(rows >= 19);
    }
    void adminRoutesRefuseOthers()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        ApiClient anonymous(m_server.baseUrl());
        QCOMPARE(
            anonymous.request(method, path, "{}", {{"Content-Type", "application/json"}}).status,
            401);
        const ApiReply reply =
            m_user->request(method, path, "{}", {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code(), QStringLiteral("FORBIDDEN"));
    }

    void createAndReadUsers()
    {
        ApiReply reply =
            m_admin->post(QStringLiteral("/v1/admin/users"),
                          {{QStringLiteral("email"), QStringLiteral("New.Person@Example.com")},
                           {QStringLiteral("password"), QStringLiteral("password-123")},
                           {QStringLiteral("name"), QStringLiteral("新人")}});
        QCOMPARE(reply.status, 201);
        const QJsonObject user = reply.json();
        QCOMPARE(user.value(QLatin1String("email")).toString(),
                 QStringLiteral("new.person@example.com"));
        QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("user"));
        QCOMPARE(user.value(QLatin1String("disabled")).toBool(), false);
        QVERIFY(user.value(QLatin1String("lastLoginAt")).isNull());
        QVERIFY(user.value(QLatin1String("quota"))
                    .toObject()
                    .value(QLatin1String("dailyTokens"))
                    .isNull());
        QVERIFY(!reply.body.contains("argon2"));
        const QString id = user.value(QLatin1String("id")).toString();
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/users/") + id).json(), user);

        ApiClient person(m_server.baseUrl());
        QVERIFY(
            !person.login(QStringLiteral("new.person@example.com"), QStringLiteral("password-123"))
                 .isEmpty());
        QVERIFY(!m_admin->get(QStringLiteral("/v1/admin/users/") + id)
                     .json()
                     .value(QLatin1String("lastLoginAt"))
                     .isNull());

        reply = m_admin->post(QStringLiteral("/v1/admin/users"),
                              {{QStringLiteral("email"), QStringLiteral("new.person@example.com")},
                               {QStringLiteral("password"), QStringLiteral("password-123")}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.code(), QStringLiteral("CONFLICT"));
        reply = m_admin->post(QStringLiteral("/v1/admin/users"),
                              {{QStringLiteral("email"), QStringLiteral("bad")},
                               {QStringLiteral("role"), QStringLiteral("god")}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json()
                     .value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("errors"))
                     .toArray()
                     .size(),
                 3);
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/users/nobody")).status, 404);
    }

    void usersArePaged()
    {
        for (int i = 0; i < 4; ++i)
            QVERIFY(!createUser(QStringLiteral("paged%1@example.com").arg(i)).isEmpty());
        QStringList seen;
        QString path = QStringLiteral("/v1/admin/users?limit=2");
        while (!path.isEmpty()) {
            const ApiReply reply = m_admin->get(path);
            QCOMPARE(reply.status, 200);
            for (const QJsonValue &u : reply.array())
                seen << u.toObject().value(QLatin1String("email")).toString();
            path = linkNext(reply);
        }
        QVERIFY(seen.size() >= 6);
        QCOMPARE(seen.first(), TestServer::adminEmail); // oldest first
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size());
    }

    void changingRoleOrPasswordEndsSessions()
    {
        const QString id = createUser(QStringLiteral("sessions@example.com"));
        ApiClient client(m_server.baseUrl());
        const QString refresh =
            client.login(QStringLiteral("sessions@example.com"), QStringLiteral("password-123"))
                .value(QLatin1String("refreshToken"))
                .toString();
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 200);
        ApiReply reply = m_admin->patch(QStringLiteral("/v1/admin/users/") + id,
                                        {{QStringLiteral("role"), QStringLiteral("admin")}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(client
                     .post(QStringLiteral("/v1/auth/refresh"),
                           {{QStringLiteral("refreshToken"), refresh}})
                     .status,
                 401);

        reply = m_admin->patch(QStringLiteral("/v1/admin/users/") + id,
                               {{QStringLiteral("password"), QStringLiteral("reset-by-admin")}});
        QCOMPARE(reply.status, 200);
        QVERIFY(client.login(QStringLiteral("sessions@example.com"), QStringLiteral("password-123"))
                    .isEmpty() ||
                client.token.isEmpty());
        QVERIFY(
            !client.login(QStringLiteral("sessions@example.com"), QStringLiteral("reset-by-admin"))
                 .value(QLatin1String("accessToken"))
                 .toString()
                 .isEmpty());

        // A name or quota change keeps the user signed in.
        reply = m_admin->patch(
            QStringLiteral("/v1/admin/users/") + id,
            {{QStringLiteral("name"), QStringLiteral("Sess")},
             {QStringLiteral("quota"), QJsonObject{{QStringLiteral("dailyTokens"), 1000}}}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()
                     .value(QLatin1String("quota"))
                     .toObject()
                     .value(QLatin1String("dailyTokens"))
                     .toInt(),
                 1000);
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 200);

        reply = m_admin->patch(
            QStringLiteral("/v1/admin/users/") + id,
            {{QStringLiteral("quota"), QJsonObject{{QStringLiteral("dailyTokens"), -5}}},
             {QStringLiteral("disabled"), QStringLiteral("yes")}});
        QCOMPARE(reply.status, 400);
    }

    void disablingRefusesTheUsersUnexpiredToken()
    {
        const QString id = createUser(QStringLiteral("todisable@example.com"));
        ApiClient client(m_server.baseUrl());
        client.login(QStringLiteral("todisable@example.com"), QStringLiteral("password-123"));
        ApiClient script(m_server.baseUrl());
        script.token = client
                           .post(QStringLiteral("/v1/me/api-keys"),
                                 {{QStringLiteral("name"), QStringLiteral("script")}})
                           .json()
                           .value(QLatin1String("key"))
                           .toString();
        // Both signed in (and so remembered by the sign-in cache)…
        QCOMPARE(client.get(QStringLiteral("/v1/conversations")).status, 200);
        QCOMPARE(script.get(QStringLiteral("/v1/conversations")).status, 200);
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/users/") + id,
                             {{QStringLiteral("disabled"), true}})
                     .status,
                 200);
        // …and both refused at once.
        QCOMPARE(client.get(QStringLiteral("/v1/conversations")).status, 403);
        QCOMPARE(script.get(QStringLiteral("/v1/conversations")).status, 403);
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/users/") + id,
                             {{QStringLiteral("disabled"), false}})
                     .status,
                 200);
        QCOMPARE(
            client.login(QStringLiteral("todisable@example.com"), QStringLiteral("password-123"))
                .value(QLatin1String("user"))
                .toObject()
                .value(QLatin1String("id"))
                .toString(),
            id);
    }

    void settingsRoundTrip()
    {
        ApiReply reply = m_admin->get(QStringLiteral("/v1/admin/settings"));
        QCOMPARE(reply.status, 200);
        QJsonObject settings = reply.json();
        QCOMPARE(settings.value(QLatin1String("chatRateLimit"))
                     .toObject()
                     .value(QLatin1String("perMinute"))
                     .toInt(),
                 5);
        QVERIFY(settings.value(QLatin1String("locked")).toArray().isEmpty());
        reply = m_admin->patch(
            QStringLiteral("/v1/admin/settings"),
            {{QStringLiteral("chatRateLimit"),
              QJsonObject{{QStringLiteral("perMinute"), 10}, {QStringLiteral("perDay"), 100}}},
             {QStringLiteral("defaultQuota"),
              QJsonObject{{QStringLiteral("monthlyTokens"), 50000}}},
             {QStringLiteral("timeZone"), QStringLiteral("Asia/Shanghai")},
             {QStringLiteral("logRetentionDays"), 7}});
        QCOMPARE(reply.status, 200);
        settings = m_admin->get(QStringLiteral("/v1/admin/settings")).json();
        QCOMPARE(settings.value(QLatin1String("chatRateLimit"))
                     .toObject()
                     .value(QLatin1String("perDay"))
                     .toInt(),
                 100);
        QCOMPARE(settings.value(QLatin1String("chatRateLimit"))
                     .toObject()
                     .value(QLatin1String("perMinute"))
                     .toInt(),
                 10);
        QCOMPARE(settings.value(QLatin1String("defaultQuota"))
                     .toObject()
                     .value(QLatin1String("monthlyTokens"))
                     .toInt(),
                 50000);
        QCOMPARE(settings.value(QLatin1String("timeZone")).toString(),
                 QStringLiteral("Asia/Shanghai"));
        QCOMPARE(settings.value(QLatin1String("logRetentionDays")).toInt(), 7);

        reply = m_admin->patch(
            QStringLiteral("/v1/admin/settings"),
            {{QStringLiteral("timeZone"), QStringLiteral("Mars/Olympus")},
             {QStringLiteral("logRetentionDays"), 0},
             {QStringLiteral("chatRateLimit"), QJsonObject{{QStringLiteral("perMinute"), -1}}}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json()
                     .value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("errors"))
                     .toArray()
                     .size(),
                 3);
    }

    void environmentLocksSettings()
    {
        TestServer locked;
        locked.config.chatRateLimit = QStringLiteral("3/minute,20/day");
        QVERIFY(locked.start());
        ApiClient admin(locked.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        const QJsonObject settings = admin.get(QStringLiteral("/v1/admin/settings")).json();
        QCOMPARE(settings.value(QLatin1String("chatRateLimit"))
                     .toObject()
                     .value(QLatin1String("perMinute"))
                     .toInt(),
                 3);
        QVERIFY(settings.value(QLatin1String("locked"))
                    .toArray()
                    .contains(QStringLiteral("chatRateLimit")));
        const ApiReply reply = admin.patch(
            QStringLiteral("/v1/admin/settings"),
            {{QStringLiteral("chatRateLimit"), QJsonObject{{QStringLiteral("perMinute"), 9}}}});
        QCOMPARE(reply.status, 409);
    }

    void theAccessLogRecordsRequests()
    {
        ApiClient anonymous(m_server.baseUrl());
        QCOMPARE(anonymous.get(QStringLiteral("/v1/no-such-thing")).status, 404);
        QCOMPARE(m_user->get(QStringLiteral("/v1/me")).status, 200);
        // Rows are written in batches within half a second.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_admin->get(QStringLiteral("/v1/admin/logs?status=404&path=/v1/no-such"))
                    .array()
                    .size() == 1,
            10000);
        const QJsonObject row =
            m_admin->get(QStringLiteral("/v1/admin/logs?status=404&path=/v1/no-such"))
                .array()[0]
                .toObject();
        QCOMPARE(row.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(row.value(QLatin1String("path")).toString(), QStringLiteral("/v1/no-such-thing"));
        QCOMPARE(row.value(QLatin1String("clientAddress")).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(row.value(QLatin1String("userId")).isNull());
        QVERIFY(row.value(QLatin1String("latencyMs")).isDouble());

        const QString userId =
            m_user->get(QStringLiteral("/v1/me")).json().value(QLatin1String("id")).toString();
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_admin->get(QStringLiteral("/v1/admin/logs?userId=") + userId).array().isEmpty(),
            10000);
        const ApiReply page = m_admin->get(QStringLiteral("/v1/admin/logs?limit=2"));
        QCOMPARE(page.array().size(), 2);
        QVERIFY(!linkNext(page).isEmpty());
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/logs?status=abc")).status, 400);
    }

    void forwardedForIsBelievedOnlyFromTrustedProxies()
    {
        ApiClient anonymous(m_server.baseUrl());
        anonymous.request("GET", QStringLiteral("/v1/spoofed"), {},
                          {{"X-Forwarded-For", "203.0.113.7"}});
        QTRY_VERIFY_WITH_TIMEOUT(
            m_admin->get(QStringLiteral("/v1/admin/logs?path=/v1/spoofed")).array().size() == 1,
            10000);
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/logs?path=/v1/spoofed"))
                     .array()[0]
                     .toObject()
                     .value(QLatin1String("clientAddress"))
                     .toString(),
                 QStringLiteral("127.0.0.1"));

        TestServer proxied;
        proxied.config.trustedProxies = {QStringLiteral("127.0.0.0/8")};
        QVERIFY(proxied.start());
        ApiClient viaProxy(proxied.baseUrl());
        viaProxy.request("GET", QStringLiteral("/v1/forwarded"), {},
                         {{"X-Forwarded-For", "198.51.100.1, 203.0.113.9"}});
        ApiClient admin(proxied.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(
            admin.get(QStringLiteral("/v1/admin/logs?path=/v1/forwarded")).array().size() == 1,
            10000);
        // The nearest untrusted hop is the client; what it claims before that is not believed.
        QCOMPARE(admin.get(QStringLiteral("/v1/admin/logs?path=/v1/forwarded"))
                     .array()[0]
                     .toObject()
                     .value(QLatin1String("clientAddress"))
                     .toString(),
                 QStringLiteral("203.0.113.9"));
    }

    void deletingAUserKeepsTheirUsageRows()
    {
        const QString id = createUser(QStringLiteral("leaver@example.com"));
        QCOMPARE(m_admin->del(QStringLiteral("/v1/admin/users/") + id).status, 204);
        QCOMPARE(m_admin->del(QStringLiteral("/v1/admin/users/") + id).status, 404);
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/users/") + id).status, 404);
    }

    void lastAdminCannotBeDisabledDemotedOrDeleted()
    {
        // Demote every other admin (one was promoted above); then only we are left.
        for (const QJsonValue &u :
             m_admin->get(QStringLiteral("/v1/admin/users?limit=200")).array()) {
            const QJsonObject user = u.toObject();
            if (user.value(QLatin1String("role")).toString() == QLatin1String("admin") &&
                user.value(QLatin1String("id")).toString() != m_adminId)
                QCOMPARE(m_admin
                             ->patch(QStringLiteral("/v1/admin/users/") +
                                         user.value(QLatin1String("id")).toString(),
                                     {{QStringLiteral("role"), QStringLiteral("user")}})
                             .status,
                         200);
        }
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/users/") + m_adminId,
                             {{QStringLiteral("disabled"), true}})
                     .status,
                 409);
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/users/") + m_adminId,
                             {{QStringLiteral("role"), QStringLiteral("user")}})
                     .status,
                 409);
        const ApiReply reply = m_admin->del(QStringLiteral("/v1/admin/users/") + m_adminId);
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.code(), QStringLiteral("CONFLICT"));
        QCOMPARE(m_admin->get(QStringLiteral("/v1/me")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_admin_api.moc"
