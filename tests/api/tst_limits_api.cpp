#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtTest/QTest>

class TestLimitsApi final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;

    ApiReply send(ApiClient &client, const QString &conversation,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QList<QPair<QByteArray, QByteArray>> all{{"Content-Type", "application/json"}};
        all << headers;
        return client.request("POST",
                              QStringLiteral("/v1/conversations/") + conversation +
                                  QStringLiteral("/messages"),
                              R"({"role":"user","content":"hi","model":"fake-stream"})", all);
    }
    QString conversationOf(ApiClient &client)
    {
        return client
            .post(QStringLiteral("/v1/conversations"),
                  {{QStringLiteral("title"), QStringLiteral("t")}})
            .json()
            .value(QLatin1String("id"))
            .toString();
    }
    std::unique_ptr<ApiClient> newUser(const QString &email)
    {
        if (!m_server.addUser(email, QStringLiteral("user-password")))
            return nullptr;
        auto client = std::make_unique<ApiClient>(m_server.baseUrl());
        client->login(email, QStringLiteral("user-password"));
        return client;
    }

private slots:
    void initTestCase()
    {
        m_server.config.chatRateLimit.clear(); // the default: 5 per minute, as the original
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        QVERIFY(m_server.start());
        m_admin = std::make_unique<ApiClient>(m_server.baseUrl());
        m_admin->login(TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_admin->get(QStringLiteral("/v1/models"))
                                      .json()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .size(),
                                  FakeUpstream::models().size(), 10000);
    }

    void theSixthSendInAMinuteWaits()
    {
        auto user = newUser(QStringLiteral("chatty@example.com"));
        const QString conversation = conversationOf(*user);
        for (int i = 1; i <= 5; ++i) {
            const ApiReply reply = send(*user, conversation);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.header("X-RateLimit-Limit"), QByteArray("5"));
            QCOMPARE(reply.header("X-RateLimit-Remaining").toInt(), 5 - i);
            QVERIFY(reply.header("X-RateLimit-Reset").toInt() > 0);
        }
        const ApiReply refused = send(*user, conversation);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.code(), QStringLiteral("RATE_LIMITED"));
        const int retryAfter = refused.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, refused.header("Retry-After").constData());
        QCOMPARE(refused.header("X-RateLimit-Remaining"), QByteArray("0"));
        QVERIFY(refused.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("5 messages")));
        // Nothing of the refused send was stored or sent upstream.
        QCOMPARE(user->get(QStringLiteral("/v1/conversations/") + conversation +
                           QStringLiteral("/messages"))
                     .array()
                     .size(),
                 10);

        const ApiReply chinese =
            send(*user, conversation, {{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"}});
        QCOMPARE(chinese.status, 429);
        QVERIFY2(chinese.json()
                     .value(QLatin1String("error"))
                     .toString()
                     .contains(QStringLiteral("请在")),
                 chinese.body.constData());

        // Other users have their own window.
        auto other = newUser(QStringLiteral("quiet@example.com"));
        QCOMPARE(send(*other, conversationOf(*other)).status, 200);

        // A minute later (the recorded sends moved 61 s back) it works again.
        const QString userId =
            user->get(QStringLiteral("/v1/me")).json().value(QLatin1String("id")).toString();
        QVERIFY(
            dbExec(m_server.config,
                   QStringLiteral(
                       "UPDATE rate_events SET created_at = created_at - 61000 WHERE subject = ?"),
                   {QStringLiteral("chat:") + userId}) >= 5);
        const ApiReply again = send(*user, conversation);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.header("X-RateLimit-Remaining"), QByteArray("4"));
    }

    void theOpenAiRouteCountsTooAndAnswersInItsOwnShape()
    {
        auto user = newUser(QStringLiteral("sdk-user@example.com"));
        const QByteArray body =
            R"({"model":"fake-stream","messages":[{"role":"user","content":"hi"}]})";
        for (int i = 0; i < 5; ++i)
            QCOMPARE(user->request("POST", QStringLiteral("/v1/chat/completions"), body,
                                   {{"Content-Type", "application/json"}})
                         .status,
                     200);
        const ApiReply refused = user->request("POST", QStringLiteral("/v1/chat/completions"), body,
                                               {{"Content-Type", "application/json"}});
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.header("Retry-After").toInt() > 0);
        const QJsonObject error = refused.json().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(),
                 QStringLiteral("rate_limit_exceeded"));
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    }

    void aLimitChangedByTheAdminAppliesAtOnce()
    {
        auto user = newUser(QStringLiteral("limited@example.com"));
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/settings"),
                             {{QStringLiteral("chatRateLimit"),
                               QJsonObject{{QStringLiteral("perMinute"), QJsonValue()},
                                           {QStringLiteral("perDay"), 2}}}})
                     .status,
                 200);
        const QString conversation = conversationOf(*user);
        QCOMPARE(send(*user, conversation).status, 200);
        QCOMPARE(send(*user, conversation).status, 200);
        const ApiReply refused = send(*user, conversation);
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("a day")));
        QVERIFY(refused.header("Retry-After").toInt() > 3600);
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/settings"),
                             {{QStringLiteral("chatRateLimit"),
                               QJsonObject{{QStringLiteral("perMinute"), 5},
                                           {QStringLiteral("perDay"), QJsonValue()}}}})
                     .status,
                 200);
    }

    void tokenQuotas()
    {
        auto user = newUser(QStringLiteral("metered@example.com"));
        const QString id =
            user->get(QStringLiteral("/v1/me")).json().value(QLatin1String("id")).toString();
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/users/") + id,
                             {{QStringLiteral("quota"),
                               QJsonObject{{QStringLiteral("dailyTokens"), 10}}}})
                     .status,
                 200);
        const QString conversation = conversationOf(*user);
        QCOMPARE(send(*user, conversation).status,
                 200); // uses 18 tokens: over the quota afterwards
        const ApiReply refused = send(*user, conversation, {{"Accept-Language", "zh-TW"}});
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.code(), QStringLiteral("QUOTA_EXCEEDED"));
        QVERIFY(refused.header("Retry-After").toInt() > 0);
        QVERIFY(refused.header("Retry-After").toInt() <= 86400 + 3600);
        QVERIFY(refused.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QStringLiteral("额度")));
        // The admin lifts it.
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/users/") + id,
                             {{QStringLiteral("quota"), QJsonValue()}})
                     .status,
                 200);
        QCOMPARE(send(*user, conversation).status, 200);
        // A server-wide monthly default applies to users without their own.
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/settings"),
                             {{QStringLiteral("defaultQuota"),
                               QJsonObject{{QStringLiteral("monthlyTokens"), 20}}}})
                     .status,
                 200);
        const ApiReply monthly = send(*user, conversation);
        QCOMPARE(monthly.status, 429);
        QVERIFY(monthly.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("monthly")));
    }
};

QTEST_GUILESS_MAIN(TestLimitsApi)
#include "tst_limits_api.moc"
