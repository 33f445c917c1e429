#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtTest/QTest>

namespace {
QMutex logLock;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;

void captureLogs(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logLock);
        logLines << QString::fromLatin1(context.category ? context.category : "") +
                        QLatin1Char(' ') + message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

// The fake provider echoes this key in its error message, as real ones do.
const QString providerKey = QStringLiteral("sk-test-abcdef1234567890");
} // namespace

// No secret — password, token, personal key, provider key — ever appears in
// a log line, in a response where it does not belong, or in the database.
class TestSecretsApi final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    QList<ApiReply> m_responses;
    QStringList m_secrets;       // must appear nowhere in logs or the database
    QStringList m_neverReturned; // must also appear in no response

    ApiReply keep(const ApiReply &reply)
    {
        m_responses << reply;
        return reply;
    }

private slots:
    void initTestCase()
    {
        previousHandler = qInstallMessageHandler(captureLogs);
        QLoggingCategory::setFilterRules(QStringLiteral("hearth.*=true"));
        m_server.config.accessLog = true;
        m_server.config.providers = {{m_upstream.baseUrl(), providerKey}};
        QVERIFY(m_server.start());
    }

    void aDayInTheLifeOfTheServer()
    {
        ApiClient admin(m_server.baseUrl());
        const QJsonObject adminLogin =
            keep(admin.post(QStringLiteral("/v1/auth/login"),
                            {{QStringLiteral("email"), TestServer::adminEmail},
                             {QStringLiteral("password"), TestServer::adminPassword}}))
                .json();
        admin.token = adminLogin.value(QLatin1String("accessToken")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(admin.get(QStringLiteral("/v1/models"))
                                      .json()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .size(),
                                  FakeUpstream::models().size(), 10000);
        const QString userPassword = QStringLiteral("users-own-Pa55word");
        const QString newPassword = QStringLiteral("users-NEW-Pa55word");
        const QString wrongPassword = QStringLiteral("an-attackers-guess");
        QCOMPARE(keep(admin.post(QStringLiteral("/v1/admin/users"),
                                 {{QStringLiteral("email"), QStringLiteral("u@example.com")},
                                  {QStringLiteral("password"), userPassword}}))
                     .status,
                 201);
        ApiClient user(m_server.baseUrl());
        QCOMPARE(keep(user.post(QStringLiteral("/v1/auth/login"),
                                {{QStringLiteral("email"), QStringLiteral("u@example.com")},
                                 {QStringLiteral("password"), wrongPassword}}))
                     .status,
                 401);
        const QJsonObject login =
            keep(user.post(QStringLiteral("/v1/auth/login"),
                           {{QStringLiteral("email"), QStringLiteral("u@example.com")},
                            {QStringLiteral("password"), userPassword}}))
                .json();
        user.token = login.value(QLatin1String("accessToken")).toString();
        const QString refresh1 = login.value(QLatin1String("refreshToken")).toString();
        const QJsonObject refreshed = keep(user.post(QStringLiteral("/v1/auth/refresh"),
                                                     {{QStringLiteral("refreshToken"), refresh1}}))
                                          .json();
        const QString refresh2 = refreshed.value(QLatin1String("refreshToken")).toString();
        user.token = refreshed.value(QLatin1String("accessToken")).toString();
        const QString apiKey = keep(user.post(QStringLiteral("/v1/me/api-keys"),
                                              {{QStringLiteral("name"), QStringLiteral("k")}}))
                                   .json()
                                   .value(QLatin1String("key"))
                                   .toString();
        ApiClient script(m_server.baseUrl());
        script.token = apiKey;
        keep(script.get(QStringLiteral("/v1/me?token=") +
                        apiKey)); // a key pasted into a URL is not logged either
        const QString conversation =
            keep(user.post(QStringLiteral("/v1/conversations"),
                           {{QStringLiteral("title"), QStringLiteral("t")}}))
                .json()
                .value(QLatin1String("id"))
                .toString();
        for (const char *model : {"fake-stream", "fake-error"})
            keep(user.post(QStringLiteral("/v1/conversations/") + conversation +
                               QStringLiteral("/messages"),
                           {{QStringLiteral("role"), QStringLiteral("user")},
                            {QStringLiteral("content"), QStringLiteral("hi")},
                            {QStringLiteral("model"), QLatin1String(model)}}));
        keep(script.post(
            QStringLiteral("/v1/chat/completions"),
            {{QStringLiteral("model"), QStringLiteral("fake-error")},
             {QStringLiteral("messages"),
              QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                     {QStringLiteral("content"), QStringLiteral("x")}}}}}));
        QCOMPARE(keep(user.post(QStringLiteral("/v1/me/password"),
                                {{QStringLiteral("currentPassword"), userPassword},
                                 {QStringLiteral("newPassword"), newPassword}}))
                     .status,
                 204);
        keep(user.post(QStringLiteral("/v1/auth/logout"),
                       {{QStringLiteral("refreshToken"), refresh2}}));
        keep(admin.get(QStringLiteral("/v1/admin/providers")));
        keep(admin.get(QStringLiteral("/v1/admin/logs")));
        keep(admin.get(QStringLiteral("/v1/admin/usage/records")));
        keep(admin.request("GET", QStringLiteral("/v1/admin/usage/records"), {},
                           {{"Accept", "text/csv"}}));
        // Let the access log reach the database.
        QTRY_VERIFY_WITH_TIMEOUT(
            admin.get(QStringLiteral("/v1/admin/logs?path=/v1/auth/logout")).array().size() == 1,
            10000);

        m_neverReturned = {TestServer::adminPassword, userPassword, newPassword, wrongPassword,
                           providerKey};
        m_secrets = m_neverReturned;
        m_secrets << adminLogin.value(QLatin1String("accessToken")).toString() << user.token
                  << refresh1 << refresh2 << apiKey << QString::fromLatin1(TestServer::jwtSecret);
        for (const QString &s : std::as_const(m_secrets))
            QVERIFY(s.size() >= 16);
    }

    void noSecretInAnyLogLine()
    {
        QMutexLocker lock(&logLock);
        QVERIFY(logLines.size() > 20); // the access log really was on
        QVERIFY(logLines.join(u'\n').contains(QLatin1String("/v1/auth/login")));
        for (const QString &line : std::as_const(logLines))
            for (const QString &secret : std::as_const(m_secrets))
                QVERIFY2(!line.contains(secret), qPrintable(line));
    }

    void noPasswordOrProviderKeyInAnyResponse()
    {
        QVERIFY(m_responses.size() > 15);
        bool sawRedactedProviderError = false;
        for (const ApiReply &reply : std::as_const(m_responses)) {
            QByteArray all = reply.body;
            for (const auto &header : reply.headers)
                all += header.first + ": " + header.second + '\n';
            for (const QString &secret : std::as_const(m_neverReturned))
                QVERIFY2(!all.contains(secret.toUtf8()), all.left(300).constData());
            sawRedactedProviderError =
                sawRedactedProviderError ||
                all.contains(QStringLiteral("Incorrect API key provided: sk-…7890").toUtf8());
        }
        QVERIFY(sawRedactedProviderError); // the provider's message came through, minus the key
    }

    void noSecretInTheDatabase()
    {
        const QByteArray bytes = dbEverything(m_server.config);
        QVERIFY(bytes.size() > 2000);
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret.left(6)));
    }
};

QTEST_GUILESS_MAIN(TestSecretsApi)
#include "tst_secrets_api.moc"
