#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

class TestMeApi final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    std::unique_ptr<ApiClient> m_ann;
    std::unique_ptr<ApiClient> m_bob;
    std::unique_ptr<ApiClient> m_admin;

    QString conversation(ApiClient &client)
    {
        return client
            .post(QStringLiteral("/v1/conversations"),
                  {{QStringLiteral("title"), QStringLiteral("t")}})
            .json()
            .value(QLatin1String("id"))
            .toString();
    }
    ApiReply send(ApiClient &client, const QString &model, bool stream = false)
    {
        return client.post(QStringLiteral("/v1/conversations/") + conversation(client) +
                               QStringLiteral("/messages"),
                           {{QStringLiteral("role"), QStringLiteral("user")},
                            {QStringLiteral("content"), QStringLiteral("hello")},
                            {QStringLiteral("model"), model},
                            {QStringLiteral("stream"), stream}});
    }
    qint64 ledgerSum(const QString &column, const QString &userId)
    {
        return dbValue(
                   m_server.config,
                   QStringLiteral("SELECT COALESCE(SUM(%1), 0) FROM usage_ledger WHERE user_id = ?")
                       .arg(column),
                   {userId})
            .toLongLong();
    }

private slots:
    void initTestCase()
    {
        m_server.config.providers = {
            {m_upstream.baseUrl(), QStringLiteral("sk-test-abcdef1234567890")}};
        QVERIFY(m_server.start());
        QVERIFY(
            m_server.addUser(QStringLiteral("ann@example.com"), QStringLiteral("ann-password")));
        QVERIFY(
            m_server.addUser(QStringLiteral("bob@example.com"), QStringLiteral("bob-password")));
        m_ann = std::make_unique<ApiClient>(m_server.baseUrl());
        m_ann->login(QStringLiteral("ann@example.com"), QStringLiteral("ann-password"));
        m_bob = std::make_unique<ApiClient>(m_server.baseUrl());
        m_bob->login(QStringLiteral("bob@example.com"), QStringLiteral("bob-password"));
        m_admin = std::make_unique<ApiClient>(m_server.baseUrl());
        m_admin->login(TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_ann->get(QStringLiteral("/v1/models"))
                                      .json()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .size(),
                                  FakeUpstream::models().size(), 10000);
    }

    void profile()
    {
        ApiReply reply =
            m_ann->patch(QStringLiteral("/v1/me"),
                         {{QStringLiteral("name"), QStringLiteral("安")},
                          {QStringLiteral("avatar"), QStringLiteral("https://a/b.png")}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("name")).toString(), QStringLiteral("安"));
        QCOMPARE(
            m_ann->get(QStringLiteral("/v1/me")).json().value(QLatin1String("avatar")).toString(),
            QStringLiteral("https://a/b.png"));
        reply = m_ann->patch(QStringLiteral("/v1/me"), {{QStringLiteral("name"), 5}});
        QCOMPARE(reply.status, 400);
        ApiClient anonymous(m_server.baseUrl());
        QCOMPARE(
            anonymous
                .patch(QStringLiteral("/v1/me"), {{QStringLiteral("name"), QStringLiteral("x")}})
                .status,
            401);
    }

    void passwordChangeSignsOutOtherLogins()
    {
        QVERIFY(
            m_server.addUser(QStringLiteral("pat@example.com"), QStringLiteral("old-password")));
        ApiClient here(m_server.baseUrl()), elsewhere(m_server.baseUrl());
        const QString hereRefresh =
            here.login(QStringLiteral("pat@example.com"), QStringLiteral("old-password"))
                .value(QLatin1String("refreshToken"))
                .toString();
        const QString elsewhereRefresh =
            elsewhere.login(QStringLiteral("pat@example.com"), QStringLiteral("old-password"))
                .value(QLatin1String("refreshToken"))
                .toString();
        ApiReply reply =
            here.post(QStringLiteral("/v1/me/password"),
                      {{QStringLiteral("currentPassword"), QStringLiteral("wrong-password")},
                       {QStringLiteral("newPassword"), QStringLiteral("new-password")}});
        QCOMPARE(reply.status, 400);
        reply = here.post(QStringLiteral("/v1/me/password"),
                          {{QStringLiteral("currentPassword"), QStringLiteral("old-password")},
                           {QStringLiteral("newPassword"), QStringLiteral("short")}});
        QCOMPARE(reply.status, 400);
        reply = here.post(QStringLiteral("/v1/me/password"),
                          {{QStringLiteral("currentPassword"), QStringLiteral("old-password")},
                           {QStringLiteral("newPassword"), QStringLiteral("new-password")}});
        QCOMPARE(reply.status, 204);
        QCOMPARE(elsewhere.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(elsewhere
                     .post(QStringLiteral("/v1/auth/refresh"),
                           {{QStringLiteral("refreshToken"), elsewhereRefresh}})
                     .status,
                 401);
        // This login carries on after refreshing its access token.
        reply = here.post(QStringLiteral("/v1/auth/refresh"),
                          {{QStringLiteral("refreshToken"), hereRefresh}});
        QCOMPARE(reply.status, 200);
        here.token = reply.json().value(QLatin1String("accessToken")).toString();
        QCOMPARE(here.get(QStringLiteral("/v1/me")).status, 200);
        ApiClient fresh(m_server.baseUrl());
        QVERIFY(!fresh.login(QStringLiteral("pat@example.com"), QStringLiteral("new-password"))
                     .value(QLatin1String("accessToken"))
                     .toString()
                     .isEmpty());
    }

    void personalApiKeys()
    {
        ApiReply reply = m_ann->post(QStringLiteral("/v1/me/api-keys"),
                                     {{QStringLiteral("name"), QStringLiteral("laptop script")}});
        QCOMPARE(reply.status, 201);
        const QString key = reply.json().value(QLatin1String("key")).toString();
        const QString id = reply.json().value(QLatin1String("id")).toString();
        QVERIFY(key.startsWith(QLatin1String("hk-")));
        QVERIFY(key.size() > 40);
        QCOMPARE(reply.json().value(QLatin1String("prefix")).toString(), key.left(10));
        QVERIFY(reply.json().value(QLatin1String("lastUsedAt")).isNull());
        // Stored hashed only.
        QCOMPARE(dbValue(m_server.config,
                         QStringLiteral("SELECT COUNT(*) FROM api_keys WHERE key_hash = ?"), {key})
                     .toInt(),
                 0);

        ApiClient script(m_server.baseUrl());
        script.token = key;
        QCOMPARE(
            script.get(QStringLiteral("/v1/me")).json().value(QLatin1String("email")).toString(),
            QStringLiteral("ann@example.com"));
        const QJsonArray keys = m_ann->get(QStringLiteral("/v1/me/api-keys")).array();
        QCOMPARE(keys.size(), 1);
        QVERIFY(!keys[0].toObject().contains(QLatin1String("key")));
        QVERIFY(!keys[0].toObject().value(QLatin1String("lastUsedAt")).isNull());

        QCOMPARE(m_bob->del(QStringLiteral("/v1/me/api-keys/") + id).status, 404); // not bob's
        QCOMPARE(script.get(QStringLiteral("/v1/me")).status, 200);
        QCOMPARE(m_ann->del(QStringLiteral("/v1/me/api-keys/") + id).status, 204);
        QCOMPARE(script.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(m_ann->del(QStringLiteral("/v1/me/api-keys/") + id).status, 404);
        QCOMPARE(m_ann->get(QStringLiteral("/v1/me/api-keys")).array().size(), 0);
        QCOMPARE(m_ann->post(QStringLiteral("/v1/me/api-keys"), QJsonObject{}).status, 400);
        script.token = QStringLiteral("hk-made-up");
        QCOMPARE(script.get(QStringLiteral("/v1/me")).status, 401);
    }

    void aKeyCannotManageOtherKeysButCanRevokeItself()
    {
        const auto make = [&](const QString &name) {
            return m_ann->post(QStringLiteral("/v1/me/api-keys"), {{QStringLiteral("name"), name}})
                .json();
        };
        const QJsonObject leaked = make(QStringLiteral("leaked"));
        const QJsonObject other = make(QStringLiteral("other"));
        ApiClient script(m_server.baseUrl());
        script.token = leaked.value(QLatin1String("key")).toString();

        const ApiReply minted = script.post(QStringLiteral("/v1/me/api-keys"),
                                            {{QStringLiteral("name"), QStringLiteral("more")}});
        QCOMPARE(minted.status, 403);
        QCOMPARE(minted.json().value(QLatin1String("code")).toString(),
                 QStringLiteral("FORBIDDEN"));
        QVERIFY(minted.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("sign in")));
        const QString otherPath =
            QStringLiteral("/v1/me/api-keys/") + other.value(QLatin1String("id")).toString();
        QCOMPARE(script.del(otherPath).status, 403);
        QCOMPARE(m_ann->get(QStringLiteral("/v1/me/api-keys")).array().size(), 2); // nothing made

        // Listing is harmless (prefixes only), and a key may end itself.
        QCOMPARE(script.get(QStringLiteral("/v1/me/api-keys")).status, 200);
        QCOMPARE(script
                     .del(QStringLiteral("/v1/me/api-keys/") +
                          leaked.value(QLatin1String("id")).toString())
                     .status,
                 204);
        QCOMPARE(script.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(m_ann->del(otherPath).status, 204);
    }

    void usageMatchesTheLedgerAfterEveryKindOfCall()
    {
        const QString annId =
            m_ann->get(QStringLiteral("/v1/me")).json().value(QLatin1String("id")).toString();
        QCOMPARE(send(*m_ann, QStringLiteral("fake-stream")).status, 200); // synchronous
        QCOMPARE(send(*m_ann, QStringLiteral("fake-nousage"), true).status,
                 200); // streamed, estimated
        // Cancelled: the client leaves mid-stream.
        {
            QNetworkReply *reply =
                m_ann->start("POST",
                             QStringLiteral("/v1/conversations/") + conversation(*m_ann) +
                                 QStringLiteral("/messages"),
                             R"({"role":"user","content":"x","model":"fake-slow","stream":true})",
                             {{"Content-Type", "application/json"}});
            QByteArray got;
            connect(reply, &QNetworkReply::readyRead, this, [&] { got += reply->readAll(); });
            QTRY_VERIFY_WITH_TIMEOUT(got.contains("Thinking"), 10000);
            reply->abort();
            reply->deleteLater();
            QTRY_VERIFY_WITH_TIMEOUT(
                dbValue(
                    m_server.config,
                    QStringLiteral("SELECT COUNT(*) FROM usage_ledger WHERE status = 'cancelled'"))
                        .toInt() == 1,
                10000);
        }
        // OpenAI-compatible, with a personal key, streamed and not.
        const QString key = m_ann
                                ->post(QStringLiteral("/v1/me/api-keys"),
                                       {{QStringLiteral("name"), QStringLiteral("sdk")}})
                                .json()
                                .value(QLatin1String("key"))
                                .toString();
        ApiClient sdk(m_server.baseUrl());
        sdk.token = key;
        QCOMPARE(
            sdk.post(QStringLiteral("/v1/chat/completions"),
                     {{QStringLiteral("model"), QStringLiteral("fake-stream")},
                      {QStringLiteral("messages"),
                       QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                              {QStringLiteral("content"), QStringLiteral("hi")}}}}})
                .status,
            200);
        QCOMPARE(
            sdk.post(QStringLiteral("/v1/chat/completions"),
                     {{QStringLiteral("model"), QStringLiteral("fake-stream")},
                      {QStringLiteral("stream"), true},
                      {QStringLiteral("messages"),
                       QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                              {QStringLiteral("content"), QStringLiteral("hi")}}}}})
                .status,
            200);
        QCOMPARE(dbValue(m_server.config,
                         QStringLiteral(
                             "SELECT COUNT(*) FROM usage_ledger WHERE api_key_id IS NOT NULL"))
                     .toInt(),
                 2);
        // Bob's calls must not count for Ann.
        QCOMPARE(send(*m_bob, QStringLiteral("fake-stream")).status, 200);

        const QJsonObject usage = m_ann->get(QStringLiteral("/v1/me/usage")).json();
        for (const char *period : {"today", "week", "month", "total"}) {
            const QJsonObject p = usage.value(QLatin1String(period)).toObject();
            QCOMPARE(qint64(p.value(QLatin1String("requests")).toDouble()),
                     dbValue(m_server.config,
                             QStringLiteral("SELECT COUNT(*) FROM usage_ledger WHERE user_id = ?"),
                             {annId})
                         .toLongLong());
            QCOMPARE(qint64(p.value(QLatin1String("totalTokens")).toDouble()),
                     ledgerSum(QStringLiteral("total_tokens"), annId));
            QCOMPARE(qint64(p.value(QLatin1String("promptTokens")).toDouble()),
                     ledgerSum(QStringLiteral("prompt_tokens"), annId));
        }
        QCOMPARE(
            usage.value(QLatin1String("total")).toObject().value(QLatin1String("requests")).toInt(),
            5);

        const QJsonObject report =
            m_admin->get(QStringLiteral("/v1/admin/usage?groupBy=user")).json();
        QCOMPARE(
            qint64(report.value(QLatin1String("totals"))
                       .toObject()
                       .value(QLatin1String("totalTokens"))
                       .toDouble()),
            dbValue(m_server.config, QStringLiteral("SELECT SUM(total_tokens) FROM usage_ledger"))
                .toLongLong());
        bool foundAnn = false;
        for (const QJsonValue &g : report.value(QLatin1String("groups")).toArray()) {
            const QJsonObject group = g.toObject();
            if (group.value(QLatin1String("key")).toString() == annId) {
                foundAnn = true;
                QCOMPARE(group.value(QLatin1String("label")).toString(),
                         QStringLiteral("ann@example.com"));
                QCOMPARE(qint64(group.value(QLatin1String("totalTokens")).toDouble()),
                         ledgerSum(QStringLiteral("total_tokens"), annId));
            }
        }
        QVERIFY(foundAnn);
        const QJsonObject byModel =
            m_admin->get(QStringLiteral("/v1/admin/usage?groupBy=model")).json();
        QCOMPARE(byModel.value(QLatin1String("totals")), report.value(QLatin1String("totals")));
        const QJsonObject byDay =
            m_admin->get(QStringLiteral("/v1/admin/usage?groupBy=day")).json();
        QCOMPARE(byDay.value(QLatin1String("totals")), report.value(QLatin1String("totals")));
        QVERIFY(!byDay.value(QLatin1String("groups")).toArray().isEmpty());
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/usage?groupBy=planet")).status, 400);
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/usage?from=yesterday")).status, 400);

        // Ann's own breakdown counts her rows only, by model and by day.
        const qint64 annTokens = ledgerSum(QStringLiteral("total_tokens"), annId);
        const QJsonObject mineByModel = m_ann->get(QStringLiteral("/v1/me/usage/breakdown")).json();
        QCOMPARE(mineByModel.value(QLatin1String("groupBy")).toString(), QStringLiteral("model"));
        qint64 modelSum = 0;
        for (const QJsonValue &g : mineByModel.value(QLatin1String("groups")).toArray()) {
            modelSum += qint64(g.toObject().value(QLatin1String("totalTokens")).toDouble());
            QCOMPARE(qint64(g.toObject().value(QLatin1String("totalTokens")).toDouble()),
                     dbValue(m_server.config,
                             QStringLiteral("SELECT SUM(total_tokens) FROM usage_ledger"
                                            " WHERE user_id = ? AND model = ?"),
                             {annId, g.toObject().value(QLatin1String("key")).toString()})
                         .toLongLong());
        }
        QCOMPARE(modelSum, annTokens);
        const QJsonObject mineByDay =
            m_ann->get(QStringLiteral("/v1/me/usage/breakdown?groupBy=day")).json();
        QCOMPARE(qint64(mineByDay.value(QLatin1String("totals"))
                            .toObject()
                            .value(QLatin1String("totalTokens"))
                            .toDouble()),
                 annTokens);
        QVERIFY(qint64(report.value(QLatin1String("totals"))
                           .toObject()
                           .value(QLatin1String("totalTokens"))
                           .toDouble()) > annTokens);
        // Only an admin sees everyone: a user cannot group by user.
        QCOMPARE(m_ann->get(QStringLiteral("/v1/me/usage/breakdown?groupBy=user")).status, 400);
        QCOMPARE(m_ann->get(QStringLiteral("/v1/me/usage/breakdown?from=soon")).status, 400);
        QCOMPARE(ApiClient(m_server.baseUrl()).get(QStringLiteral("/v1/me/usage/breakdown")).status,
                 401);
    }

    void recordsPageAndExport()
    {
        const QJsonArray mine = m_ann->get(QStringLiteral("/v1/me/usage/records")).array();
        QCOMPARE(mine.size(), 5);
        const QJsonObject first = mine.first().toObject();
        for (const char *field :
             {"id", "userId", "userEmail", "apiKeyId", "provider", "model", "promptTokens",
              "completionTokens", "totalTokens", "estimated", "latencyMs", "status", "createdAt"})
            QVERIFY2(first.contains(QLatin1String(field)), field);
        const ApiReply paged = m_ann->get(QStringLiteral("/v1/me/usage/records?limit=2"));
        QCOMPARE(paged.array().size(), 2);
        QVERIFY(paged.header("Link").contains("rel=\"next\""));

        const QString annId =
            m_ann->get(QStringLiteral("/v1/me")).json().value(QLatin1String("id")).toString();
        QCOMPARE(
            m_admin->get(QStringLiteral("/v1/admin/usage/records?userId=") + annId).array().size(),
            5);
        QCOMPARE(m_admin->get(QStringLiteral("/v1/admin/usage/records?model=fake-nousage"))
                     .array()
                     .size(),
                 1);
        QVERIFY(m_admin->get(QStringLiteral("/v1/admin/usage/records")).array().size() >= 6);

        const ApiReply csv = m_admin->request("GET", QStringLiteral("/v1/admin/usage/records"), {},
                                              {{"Accept", "text/csv"}});
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
        const QList<QByteArray> lines = csv.body.trimmed().split('\n');
        QVERIFY(lines[0].contains("id,createdAt,userId,userEmail"));
        QCOMPARE(
            lines.size() - 1,
            dbValue(m_server.config, QStringLiteral("SELECT COUNT(*) FROM usage_ledger")).toInt());
        QVERIFY(csv.body.contains("ann@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestMeApi)
#include "tst_me_api.moc"
