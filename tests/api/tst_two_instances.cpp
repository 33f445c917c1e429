#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "HearthProcess.h"
#include "TestServer.h"

#include <QtNetwork/QNetworkReply>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

namespace {
// A 256-bit key both instances seal provider keys with.
const QByteArray sharedSecretKey = QByteArray(32, 'k').toBase64();

// One hearth-server process on the shared database.
std::unique_ptr<HearthProcess> instance(const hearth::ServerConfig &db, const QString &upstream)
{
    return std::make_unique<HearthProcess>(
        QStringLiteral(HEARTH_SERVER_BINARY),
        HearthProcess::Env{
            {QStringLiteral("DB_DRIVER"), db.dbDriver},
            {QStringLiteral("DB_HOST"), db.dbHost},
            {QStringLiteral("DB_PORT"), QString::number(db.dbPort)},
            {QStringLiteral("DB_USER"), db.dbUser},
            {QStringLiteral("DB_PASSWORD"), db.dbPassword},
            {QStringLiteral("DB_NAME"), db.dbName},
            {QStringLiteral("JWT_SECRET"), QString::fromLatin1(TestServer::jwtSecret)},
            {QStringLiteral("HEARTH_SECRET_KEY"), QString::fromLatin1(sharedSecretKey)},
            {QStringLiteral("HEARTH_ADMIN_EMAIL"), TestServer::adminEmail},
            {QStringLiteral("HEARTH_ADMIN_PASSWORD"), TestServer::adminPassword},
            {QStringLiteral("HEARTH_CHAT_RATE_LIMIT"), QStringLiteral("5/minute")},
            {QStringLiteral("OPENAI_API_BASE_URL"), upstream},
            {QStringLiteral("HEARTH_ACCESS_LOG"), QStringLiteral("off")},
            // Replies saved twice a second: one silent for 2.5 s has no server.
            {QStringLiteral("HEARTH_REPLY_SAVE_INTERVAL_MS"), QStringLiteral("500")}});
}
} // namespace

// Two hearth-server processes behind one load balancer share one PostgreSQL
// or MariaDB (HEARTH_TEST_DB): what must be shared is, whichever of them a
// request reaches.
class TestTwoInstances final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    std::unique_ptr<TestServer> m_database; // not started: it only makes the database
    std::unique_ptr<HearthProcess> m_a, m_b;

    static ApiReply chat(ApiClient &client)
    {
        return client.sendMessage(client.createConversation(), QStringLiteral("hello"),
                                  QStringLiteral("fake-stream"));
    }
    QString addUser(const QString &email)
    {
        ApiClient admin(m_a->url());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        return admin
            .post(QStringLiteral("/v1/admin/users"),
                  {{QStringLiteral("email"), email},
                   {QStringLiteral("password"), QStringLiteral("password-1234")}})
            .json()
            .value(QLatin1String("id"))
            .toString();
    }

private slots:
    void initTestCase()
    {
        if (TestServer::usingSqlite())
            QSKIP("several instances share a PostgreSQL or MySQL database (HEARTH_TEST_DB)");
        m_database = std::make_unique<TestServer>();
        // Started at the same moment: both find an empty database, one
        // migrates and creates the admin, the other waits for the lock.
        m_a = instance(m_database->config, m_upstream.baseUrl());
        m_b = instance(m_database->config, m_upstream.baseUrl());
        const bool aServes = !m_a->waitUntilServing(60000).isEmpty();
        const bool bServes = !m_b->waitUntilServing(60000).isEmpty();
        QVERIFY2(aServes && bServes, "both instances serve");
        // Every migration applied exactly once.
        const int applied =
            dbValue(m_database->config, QStringLiteral("SELECT COUNT(*) FROM schema_version"))
                .toInt();
        QVERIFY(applied >= 3);
        QCOMPARE(
            dbValue(m_database->config, QStringLiteral("SELECT MAX(version) FROM schema_version"))
                .toInt(),
            applied);
        QCOMPARE(dbValue(m_database->config, QStringLiteral("SELECT COUNT(*) FROM users")).toInt(),
                 1);
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        m_database.reset();
    }

    void aRefreshTokenRotatedOnOneIsRefusedOnTheOther()
    {
        ApiClient a(m_a->url()), b(m_b->url());
        const QString first = a.login(TestServer::adminEmail, TestServer::adminPassword)
                                  .value(QLatin1String("refreshToken"))
                                  .toString();
        const ApiReply rotated =
            a.post(QStringLiteral("/v1/auth/refresh"), {{QStringLiteral("refreshToken"), first}});
        QCOMPARE(rotated.status, 200);
        QCOMPARE(
            b.post(QStringLiteral("/v1/auth/refresh"), {{QStringLiteral("refreshToken"), first}})
                .status,
            401);
        // The reuse ended the whole family, on both.
        QCOMPARE(a.post(QStringLiteral("/v1/auth/refresh"),
                        {{QStringLiteral("refreshToken"),
                          rotated.json().value(QLatin1String("refreshToken")).toString()}})
                     .status,
                 401);
        // An access token of one is good on the other (one JWT secret).
        b.login(TestServer::adminEmail, TestServer::adminPassword);
        a.token = b.token;
        QCOMPARE(a.get(QStringLiteral("/v1/me")).status, 200);
    }

    void theRateLimitCountsSendsOnBoth()
    {
        addUser(QStringLiteral("carol@example.com"));
        ApiClient a(m_a->url()), b(m_b->url());
        a.login(QStringLiteral("carol@example.com"), QStringLiteral("password-1234"));
        b.login(QStringLiteral("carol@example.com"), QStringLiteral("password-1234"));
        for (ApiClient *client : {&a, &b, &a, &b, &a})
            QCOMPARE(chat(*client).status, 200);
        const ApiReply sixth = chat(b);
        QCOMPARE(sixth.status, 429);
        QCOMPARE(sixth.code(), QStringLiteral("RATE_LIMITED"));
        QCOMPARE(chat(a).status, 429);

        // The statistics of either count all five.
        ApiClient admin(m_b->url());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        int carols = -1;
        for (const QJsonValue &row : admin.get(QStringLiteral("/v1/admin/usage?groupBy=user"))
                                         .json()[QLatin1String("groups")]
                                         .toArray()) {
            if (row[QLatin1String("label")].toString() == QLatin1String("carol@example.com"))
                carols = row[QLatin1String("requests")].toInt();
        }
        QCOMPARE(carols, 5);
        QCOMPARE(ApiClient(m_a->url())
                     .get(QStringLiteral("/health"))
                     .json()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("ok"));
    }

    void aQuotaSetOnOneIsKeptOnTheOther()
    {
        const QString dave = addUser(QStringLiteral("dave@example.com"));
        ApiClient admin(m_a->url());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(
            admin
                .patch(QStringLiteral("/v1/admin/users/") + dave,
                       {{QStringLiteral("quota"), QJsonObject{{QStringLiteral("dailyTokens"), 1}}}})
                .status,
            200);
        ApiClient a(m_a->url()), b(m_b->url());
        a.login(QStringLiteral("dave@example.com"), QStringLiteral("password-1234"));
        b.login(QStringLiteral("dave@example.com"), QStringLiteral("password-1234"));
        QCOMPARE(chat(b).status, 200); // starts under the quota, ends above it
        const ApiReply refused = chat(a);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.code(), QStringLiteral("QUOTA_EXCEEDED"));
    }

    void aKeyRevokedOnOneIsRefusedOnTheOther()
    {
        addUser(QStringLiteral("erin@example.com"));
        ApiClient owner(m_a->url());
        owner.login(QStringLiteral("erin@example.com"), QStringLiteral("password-1234"));
        const QJsonObject made = owner
                                     .post(QStringLiteral("/v1/me/api-keys"),
                                           {{QStringLiteral("name"), QStringLiteral("script")}})
                                     .json();
        ApiClient onA(m_a->url()), onB(m_b->url());
        onA.token = onB.token = made.value(QLatin1String("key")).toString();
        QCOMPARE(onA.get(QStringLiteral("/v1/me")).status, 200);
        QCOMPARE(onB.get(QStringLiteral("/v1/me")).status, 200); // now in B's sign-in cache
        QCOMPARE(owner
                     .del(QStringLiteral("/v1/me/api-keys/") +
                          made.value(QLatin1String("id")).toString())
                     .status,
                 204);
        QCOMPARE(onA.get(QStringLiteral("/v1/me")).status, 401); // at once where it was revoked
        // B learns it from the database once its cached sign-in is a second old.
        QTRY_COMPARE(onB.get(QStringLiteral("/v1/me")).status, 401);
    }

    // A third instance relays a long reply. A fourth starting meanwhile must
    // leave it alone (it is alive: saved twice a second); once the third is
    // killed, the others close it as interrupted, keeping its text.
    void aReplyIsClosedByTheOthersOnlyWhenItsServerIsGone()
    {
        addUser(QStringLiteral("frank@example.com"));
        auto relaying = instance(m_database->config, m_upstream.baseUrl());
        QVERIFY(!relaying->waitUntilServing(60000).isEmpty());
        ApiClient client(relaying->url());
        client.login(QStringLiteral("frank@example.com"), QStringLiteral("password-1234"));
        const QString conversation = client.createConversation();
        QNetworkReply *stream = client.startMessageStream(conversation, QStringLiteral("go"),
                                                          QStringLiteral("fake-tokens-2000-5"));
        const QString replyState =
            QStringLiteral("SELECT finish_reason FROM messages WHERE role = 'assistant' AND "
                           "conversation_id = '%1'")
                .arg(conversation);
        const QString replyText =
            QStringLiteral("SELECT content FROM messages WHERE role = 'assistant' AND "
                           "conversation_id = '%1'")
                .arg(conversation);
        QTRY_VERIFY_WITH_TIMEOUT(dbValue(m_database->config, replyText)
                                     .toString()
                                     .startsWith(QLatin1String("tok0 tok1 ")),
                                 20000);

        const auto starting = instance(m_database->config, m_upstream.baseUrl());
        QVERIFY(!starting->waitUntilServing(60000).isEmpty());
        QCOMPARE(dbValue(m_database->config, replyState).toString(), QStringLiteral("streaming"));

        QSignalSpy exited(&relaying->process(), &QProcess::finished);
        relaying->process().kill();
        QVERIFY(exited.wait(10000));
        stream->abort();
        QTRY_COMPARE_WITH_TIMEOUT(dbValue(m_database->config, replyState).toString(),
                                  QStringLiteral("interrupted"), 30000);
        QVERIFY(dbValue(m_database->config, replyText)
                    .toString()
                    .startsWith(QLatin1String("tok0 tok1 ")));
    }

    void aProviderAddedOnOneServesOnTheOther()
    {
        ApiClient a(m_a->url()), b(m_b->url());
        a.login(TestServer::adminEmail, TestServer::adminPassword);
        b.login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(a.post(QStringLiteral("/v1/admin/providers"),
                        {{QStringLiteral("name"), QStringLiteral("Team")},
                         {QStringLiteral("baseUrl"), m_upstream.baseUrl()},
                         {QStringLiteral("apiKey"), QStringLiteral("sk-team-0123456789")},
                         {QStringLiteral("models"), QJsonArray{QStringLiteral("fake-stream")}},
                         {QStringLiteral("priority"), 10}})
                     .status,
                 201);
        const auto servedByTeam = [&] {
            for (const QJsonValue &m :
                 b.get(QStringLiteral("/v1/models")).json()[QLatin1String("data")].toArray()) {
                if (m[QLatin1String("owned_by")].toString() == QLatin1String("Team"))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(servedByTeam(), 20000);
        // B unseals the key A stored (one HEARTH_SECRET_KEY) and sends it.
        QCOMPARE(chat(b).status, 200);
        QByteArray authorization;
        for (const FakeUpstream::Received &r : m_upstream.received) {
            if (r.path.endsWith("/chat/completions"))
                authorization = r.headers.value("authorization");
        }
        QCOMPARE(authorization, QByteArray("Bearer sk-team-0123456789"));
    }
};

QTEST_MAIN(TestTwoInstances)
#include "tst_two_instances.moc"
