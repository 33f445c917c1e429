#include "ApiClient.h"
#include "TestServer.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

// The database server goes away under a running Hearth and comes back: the
// real PostgreSQL or MariaDB (HEARTH_TEST_DB), a private instance started by
// the same script as the suites' shared one, stopped and started again on
// its port. Clients get a quick 503 meanwhile, /health says "degraded", and
// Hearth reconnects by itself with nothing lost.
class TestDatabaseOutage final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QByteArray m_sharedDir;

    bool runScript(const QString &command)
    {
        QProcess script;
        script.setProgram(qEnvironmentVariable("HEARTH_TEST_DB_SCRIPT"));
        script.setArguments({command, m_dir.path()});
        script.setProcessChannelMode(QProcess::ForwardedChannels);
        QSignalSpy finished(&script, &QProcess::finished);
        script.start();
        // The event loop keeps turning meanwhile: the server goes on serving.
        return finished.wait(90000) && script.exitStatus() == QProcess::NormalExit &&
               script.exitCode() == 0;
    }

private slots:
    void initTestCase()
    {
        if (TestServer::usingSqlite() || qEnvironmentVariableIsEmpty("HEARTH_TEST_DB_SCRIPT"))
            QSKIP(
                "needs HEARTH_TEST_DB=postgres|mysql and HEARTH_TEST_DB_SCRIPT (ctest sets both)");
        QVERIFY(runScript(QStringLiteral("start")));
        // TestServer makes its database on the server named here.
        m_sharedDir = qgetenv("HEARTH_TEST_DB_DIR");
        qputenv("HEARTH_TEST_DB_DIR", m_dir.path().toUtf8());
    }

    void cleanupTestCase()
    {
        qputenv("HEARTH_TEST_DB_DIR", m_sharedDir);
        runScript(QStringLiteral("stop"));
    }

    void refusedQuicklyWhileDownThenResumedWithNothingLost()
    {
        TestServer server;
        QVERIFY(server.start());
        ApiClient client(server.baseUrl());
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString kept = client
                                 .post(QStringLiteral("/v1/conversations"),
                                       {{QStringLiteral("title"), QStringLiteral("kept")}})
                                 .json()
                                 .value(QLatin1String("id"))
                                 .toString();
        QVERIFY(!kept.isEmpty());

        QVERIFY(runScript(QStringLiteral("halt")));
        QElapsedTimer answered;
        answered.start();
        const ApiReply refused = client.post(QStringLiteral("/v1/conversations"),
                                             {{QStringLiteral("title"), QStringLiteral("lost?")}});
        qInfo("a write while the database is down is answered in %lld ms", answered.elapsed());
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(client.get(QStringLiteral("/v1/conversations")).status, 503);
        const ApiReply health = client.get(QStringLiteral("/health"));
        QCOMPARE(health.status, 503);
        QCOMPARE(health.json().value(QLatin1String("status")).toString(),
                 QStringLiteral("degraded"));

        QVERIFY(runScript(QStringLiteral("resume")));
        // No restart: the next requests find the database again.
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/health")).status, 200, 30000);
        QJsonArray list = client.get(QStringLiteral("/v1/conversations")).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QLatin1String("id")).toString(), kept);
        QCOMPARE(client
                     .post(QStringLiteral("/v1/conversations"),
                           {{QStringLiteral("title"), QStringLiteral("after")}})
                     .status,
                 201);
        list = client.get(QStringLiteral("/v1/conversations")).array();
        QCOMPARE(list.size(), 2); // and the refused one was not stored
    }
};

QTEST_MAIN(TestDatabaseOutage)
#include "tst_database_outage.moc"
