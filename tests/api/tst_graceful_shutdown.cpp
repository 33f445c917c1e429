#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "HearthProcess.h"
#include "TestServer.h"

#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

// SIGTERM to hearth-server while a reply streams: it stops accepting, lets
// the reply finish within HEARTH_SHUTDOWN_GRACE, else ends it and keeps what
// was said as cancelled; then exits 0 with its database closed cleanly.
class TestGracefulShutdown final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;

    std::unique_ptr<HearthProcess> start(int graceSeconds)
    {
        auto server = std::make_unique<HearthProcess>(
            QStringLiteral(HEARTH_SERVER_BINARY),
            HearthProcess::chatEnv(m_upstream.baseUrl()) +
                HearthProcess::Env{
                    {QStringLiteral("HEARTH_SHUTDOWN_GRACE"), QString::number(graceSeconds)}});
        return server->waitUntilServing().isEmpty() ? nullptr : std::move(server);
    }
    // Its SQLite file, for reading.
    static hearth::ServerConfig databaseOf(const HearthProcess &server)
    {
        return sqliteDatabaseIn(server.dataDir());
    }
    static QNetworkReply *stream(ApiClient &client, const QString &model)
    {
        return client.startMessageStream(client.createConversation(), QStringLiteral("go"), model);
    }

    static bool refusesConnections(const QString &url)
    {
        QTcpSocket socket;
        QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(QUrl(url).port()));
        return failed.wait(5000) && socket.error() == QAbstractSocket::ConnectionRefusedError;
    }

private slots:
    void aReplyInFlightFinishesWithinTheGrace()
    {
        auto server = start(10);
        QVERIFY(server);
        ApiClient client(server->url());
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        QSignalSpy gate(&m_upstream, &FakeUpstream::gateReached);
        QNetworkReply *reply = stream(client, QStringLiteral("fake-gated"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QVERIFY(gate.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\"delta\":\"First\""), 10000);

        QSignalSpy exited(&server->process(), &QProcess::finished);
        server->process().terminate();
        QTRY_VERIFY_WITH_TIMEOUT(refusesConnections(server->url()), 10000);
        QCOMPARE(server->process().state(), QProcess::Running); // still finishing the reply
        QVERIFY(!reply->isFinished());

        m_upstream.releaseGate();
        QVERIFY(exited.wait(15000));
        QCOMPARE(server->process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server->process().exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        received += reply->readAll();
        const QList<SseBlock> events = parseSseBlocks(received);
        QCOMPARE(events.last().event, QStringLiteral("message.done"));
        QCOMPARE(
            dbValue(databaseOf(*server), QStringLiteral("SELECT finish_reason FROM messages WHERE "
                                                        "role = 'assistant'"))
                .toString(),
            QStringLiteral("stop"));
        reply->deleteLater();
    }

    void afterTheGraceWhatWasSaidIsKeptAsCancelled()
    {
        auto server = start(1);
        QVERIFY(server);
        ApiClient client(server->url());
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        QNetworkReply *reply = stream(client, QStringLiteral("fake-slow"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("Thinking"), 10000);

        QSignalSpy exited(&server->process(), &QProcess::finished);
        server->process().terminate();
        QVERIFY(exited.wait(15000));
        QCOMPARE(server->process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server->process().exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        received += reply->readAll();
        const QList<SseBlock> events = parseSseBlocks(received);
        QCOMPARE(events.last().event, QStringLiteral("error"));
        QCOMPARE(events.last().data.value(QLatin1String("code")).toString(),
                 QStringLiteral("SERVICE_UNAVAILABLE"));
        // The database: the partial reply as cancelled, nothing left streaming,
        // its usage counted once, and a clean file.
        QCOMPARE(
            dbValue(databaseOf(*server), QStringLiteral("SELECT finish_reason FROM messages WHERE "
                                                        "role = 'assistant'"))
                .toString(),
            QStringLiteral("cancelled"));
        QVERIFY(dbValue(databaseOf(*server),
                        QStringLiteral("SELECT content FROM messages WHERE role = 'assistant'"))
                    .toString()
                    .contains(QLatin1String("Thinking")));
        QCOMPARE(dbValue(databaseOf(*server), QStringLiteral("SELECT COUNT(*) FROM usage_ledger"))
                     .toInt(),
                 1);
        QCOMPARE(dbValue(databaseOf(*server), QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        reply->deleteLater();
    }
};

QTEST_MAIN(TestGracefulShutdown)
#include "tst_graceful_shutdown.moc"
