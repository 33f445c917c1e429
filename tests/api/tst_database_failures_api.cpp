#include "ApiClient.h"
#include "DbPeek.h"
#include "TestServer.h"

#include <QtCore/QFile>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

// What clients see when the database fails under a running server.
class TestDatabaseFailuresApi final : public QObject
{
    Q_OBJECT

private slots:
    void aMovedDatabaseIsRefusedThenResumedWithNothingLost()
    {
        if (!TestServer::usingSqlite())
            QSKIP("SQLite file moves; server outages are the database issue's resilience test");
        TestServer server;
        QVERIFY(server.start());
        ApiClient client(server.baseUrl());
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString id = client
                               .post(QStringLiteral("/v1/conversations"),
                                     {{QStringLiteral("title"), QStringLiteral("kept")}})
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        QVERIFY(!id.isEmpty());

        const QString moved = server.databasePath() + QStringLiteral(".away");
        QVERIFY(QFile::rename(server.databasePath(), moved));
        ApiReply reply = client.post(QStringLiteral("/v1/conversations"),
                                     {{QStringLiteral("title"), QStringLiteral("lost?")}});
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
        // (Who is calling may still come from the sign-in cache; what they ask for may not.)
        QCOMPARE(client.get(QStringLiteral("/v1/conversations")).status, 503);
        QCOMPARE(client.get(QStringLiteral("/health")).status, 503);
        QVERIFY(!QFile::exists(server.databasePath())); // no empty database was made in its place

        QVERIFY(QFile::rename(moved, server.databasePath()));
        QCOMPARE(client.get(QStringLiteral("/health")).status, 200);
        const QJsonArray list = client.get(QStringLiteral("/v1/conversations")).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QLatin1String("id")).toString(), id);
    }

    void aBrokenSchemaIsAPlainInternalError()
    {
        TestServer server;
        QVERIFY(server.start());
        ApiClient client(server.baseUrl());
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString id = client
                               .post(QStringLiteral("/v1/conversations"),
                                     {{QStringLiteral("title"), QStringLiteral("t")}})
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        QVERIFY(dbExec(server.config, QStringLiteral("DROP TABLE messages")) >= 0);
        const ApiReply reply =
            client.get(QStringLiteral("/v1/conversations/") + id + QStringLiteral("/messages"));
        QCOMPARE(reply.status, 500);
        QCOMPARE(reply.code(), QStringLiteral("INTERNAL_ERROR"));
        QVERIFY2(!reply.body.contains("messages") && !reply.body.contains("SELECT") &&
                     !reply.body.contains("table"),
                 reply.body.constData());                           // no SQL, no table names
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 200); // the rest still works
    }
};

QTEST_GUILESS_MAIN(TestDatabaseFailuresApi)
#include "tst_database_failures_api.moc"
