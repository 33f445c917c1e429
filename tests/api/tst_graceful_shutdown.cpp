#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtCore/QDir>
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

    struct Running
    {
        QTemporaryDir dir;
        QProcess process;
        QByteArray output;
        QString url;
        hearth::ServerConfig db; // for reading its SQLite file
    };

    std::unique_ptr<Running> start(int graceSeconds)
    {
        auto server = std::make_unique<Running>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HEARTH_DATA_DIR"), server->dir.path());
        env.insert(QStringLiteral("HEARTH_ADMIN_EMAIL"), TestServer::adminEmail);
        env.insert(QStringLiteral("HEARTH_ADMIN_PASSWORD"), TestServer::adminPassword);
        env.insert(QStringLiteral("OPENAI_API_BASE_URL"), m_upstream.baseUrl());
        env.insert(QStringLiteral("HEARTH_OLLAMA_URL"), QStringLiteral("off"));
        env.insert(QStringLiteral("HEARTH_CHAT_RATE_LIMIT"), QStringLiteral("off"));
        env.insert(QStringLiteral("HEARTH_SHUTDOWN_GRACE"), QString::number(graceSeconds));
        env.insert(QStringLiteral("DB_DRIVER"), QStringLiteral("sqlite"));
        server->process.setProcessEnvironment(env);
        server->process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        Running *s = server.get();
        connect(&server->process, &QProcess::readyReadStandardOutput, this,
                [s] { s->output += s->process.readAllStandardOutput(); });
        server->process.start(QStringLiteral(HEARTH_SERVER_BINARY),
                              {QStringLiteral("--port"), QStringLiteral("0")});
        if (!QTest::qWaitFor([s] { return s->output.contains("is serving on"); }, 30000))
            return nullptr;
        server->url = QRegularExpression(QStringLiteral("serving on (http://[^ ]+)"))
                          .match(QString::fromUtf8(server->output))
                          .captured(1);
        server->db.dbDriver = QStringLiteral("sqlite");
        server->db.dbPath = QDir(server->dir.path()).filePath(QStringLiteral("hearth.db"));
        return server;
    }

    static QNetworkReply *stream(ApiClient &client, const QString &model)
    {
        const QString conversation = client
                                         .post(QStringLiteral("/v1/conversations"),
                                               {{QStringLiteral("title"), QStringLiteral("t")}})
                                         .json()
                                         .value(QLatin1String("id"))
                                         .toString();
        const QJsonObject body{{QStringLiteral("role"), QStringLiteral("user")},
                               {QStringLiteral("content"), QStringLiteral("go")},
                               {QStringLiteral("model"), model},
                               {QStringLiteral("stream"), true}};
        return client.start("POST",
                            QStringLiteral("/v1/conversations/%1/messages").arg(conversation),
                            QJsonDocument(body).toJson(), {{"Content-Type", "application/json"}});
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
        ApiClient client(server->url);
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        QSignalSpy gate(&m_upstream, &FakeUpstream::gateReached);
        QNetworkReply *reply = stream(client, QStringLiteral("fake-gated"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QVERIFY(gate.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\"delta\":\"First\""), 10000);

        QSignalSpy exited(&server->process, &QProcess::finished);
        server->process.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(refusesConnections(server->url), 10000);
        QCOMPARE(server->process.state(), QProcess::Running); // still finishing the reply
        QVERIFY(!reply->isFinished());

        m_upstream.releaseGate();
        QVERIFY(exited.wait(15000));
        QCOMPARE(server->process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server->process.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        received += reply->readAll();
        const QList<SseBlock> events = parseSseBlocks(received);
        QCOMPARE(events.last().event, QStringLiteral("message.done"));
        QCOMPARE(dbValue(server->db, QStringLiteral("SELECT finish_reason FROM messages WHERE "
                                                    "role = 'assistant'"))
                     .toString(),
                 QStringLiteral("stop"));
        reply->deleteLater();
    }

    void afterTheGraceWhatWasSaidIsKeptAsCancelled()
    {
        auto server = start(1);
        QVERIFY(server);
        ApiClient client(server->url);
        client.login(TestServer::adminEmail, TestServer::adminPassword);
        QNetworkReply *reply = stream(client, QStringLiteral("fake-slow"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("Thinking"), 10000);

        QSignalSpy exited(&server->process, &QProcess::finished);
        server->process.terminate();
        QVERIFY(exited.wait(15000));
        QCOMPARE(server->process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server->process.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        received += reply->readAll();
        const QList<SseBlock> events = parseSseBlocks(received);
        QCOMPARE(events.last().event, QStringLiteral("error"));
        QCOMPARE(events.last().data.value(QLatin1String("code")).toString(),
                 QStringLiteral("SERVICE_UNAVAILABLE"));
        // The database: the partial reply as cancelled, nothing left streaming,
        // its usage counted once, and a clean file.
        QCOMPARE(dbValue(server->db, QStringLiteral("SELECT finish_reason FROM messages WHERE "
                                                    "role = 'assistant'"))
                     .toString(),
                 QStringLiteral("cancelled"));
        QVERIFY(dbValue(server->db,
                        QStringLiteral("SELECT content FROM messages WHERE role = 'assistant'"))
                    .toString()
                    .contains(QLatin1String("Thinking")));
        QCOMPARE(dbValue(server->db, QStringLiteral("SELECT COUNT(*) FROM usage_ledger")).toInt(),
                 1);
        QCOMPARE(dbValue(server->db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        reply->deleteLater();
    }
};

QTEST_MAIN(TestGracefulShutdown)
#include "tst_graceful_shutdown.moc"
