#include "ApiClient.h"
#include "TestServer.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

class TestHealthApi final : public QObject
{
    Q_OBJECT
    TestServer m_server;

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }

    void healthNeedsNoToken()
    {
        ApiClient client(m_server.baseUrl());
        const ApiReply reply = client.get(QStringLiteral("/health"));
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(json.value(QLatin1String("database")).toString(), QStringLiteral("ok"));
        QVERIFY(!json.value(QLatin1String("version")).toString().isEmpty());
        QVERIFY(json.value(QLatin1String("uptimeSeconds")).isDouble());
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    }

    void headHasHeadersButNoBody()
    {
        ApiClient client(m_server.baseUrl());
        const ApiReply reply = client.request("HEAD", QStringLiteral("/health"));
        QVERIFY(reply.finished);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.isEmpty());
        QVERIFY(reply.header("Content-Length").toInt() > 0);
    }

    void everyResponseCarriesSecurityHeaders()
    {
        ApiClient client(m_server.baseUrl());
        for (const QString &path :
             {QStringLiteral("/health"), QStringLiteral("/nowhere"), QStringLiteral("/v1/me")}) {
            const ApiReply reply = client.get(path);
            QCOMPARE(reply.header("X-Content-Type-Options"), QByteArray("nosniff"));
            QCOMPARE(reply.header("X-Frame-Options"), QByteArray("DENY"));
            QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
            QVERIFY(!reply.header("Content-Security-Policy").isEmpty());
        }
    }

    void unknownRouteIsJson404()
    {
        ApiClient client(m_server.baseUrl());
        const ApiReply reply = client.get(QStringLiteral("/v1/does-not-exist"));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.code(), QStringLiteral("NOT_FOUND"));
        QVERIFY(!reply.json().value(QLatin1String("error")).toString().isEmpty());
    }

    void wrongMethodIsJson405WithAllow()
    {
        ApiClient client(m_server.baseUrl());
        ApiReply reply = client.del(QStringLiteral("/health"));
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.code(), QStringLiteral("METHOD_NOT_ALLOWED"));
        QCOMPARE(reply.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));

        reply = client.request("DELETE", QStringLiteral("/v1/conversations"));
        QCOMPARE(reply.status, 405);
        QVERIFY(reply.header("Allow").contains("POST"));
        QVERIFY(reply.header("Allow").contains("GET"));
    }

    void theOpenApiDocumentCoversEveryRoute()
    {
        ApiClient client(m_server.baseUrl());
        const ApiReply reply = client.get(QStringLiteral("/v1/openapi.json"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("openapi")).toString(), QStringLiteral("3.1.0"));
        const QJsonObject paths = reply.json().value(QLatin1String("paths")).toObject();
        const QStringList routes = m_server.routes();
        QVERIFY(routes.size() >= 12);
        for (const QString &route : routes) {
            const QString method = route.section(u' ', 0, 0).toLower();
            QString path = route.section(u' ', 1);
            path.replace(QRegularExpression(QStringLiteral(":([a-zA-Z]+)")),
                         QStringLiteral("{\\1}"));
            QVERIFY2(paths.value(path).toObject().contains(method),
                     qPrintable(route + QStringLiteral(" is not documented")));
        }
    }

    void aVanishedDatabaseIsDegraded()
    {
        if (!TestServer::usingSqlite())
            QSKIP("SQLite file removal; server outages are the database issue's resilience test");
        TestServer server;
        QVERIFY(server.start());
        ApiClient client(server.baseUrl());
        QCOMPARE(client.get(QStringLiteral("/health")).status, 200);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(server.databasePath() + suffix);
        const ApiReply reply = client.get(QStringLiteral("/health"));
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.json().value(QLatin1String("status")).toString(),
                 QStringLiteral("degraded"));
        QCOMPARE(reply.json().value(QLatin1String("database")).toString(),
                 QStringLiteral("unavailable"));
    }
};

QTEST_GUILESS_MAIN(TestHealthApi)
#include "tst_health_api.moc"
