#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "HearthProcess.h"
#include "TestServer.h"

#include <QtNetwork/QNetworkReply>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

// kill -9 of hearth-server while replies stream and writes are in flight:
// the SQLite database must pass integrity_check, the next start must leave
// no reply "streaming" (they become "interrupted", with the text saved
// before the crash), and usage must be
// counted once per finished call — never twice, never for a call that had
// not finished.
class TestCrashRecovery final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;

    std::unique_ptr<HearthProcess> start(const QString &dataDir = {})
    {
        HearthProcess::Env env = HearthProcess::chatEnv(m_upstream.baseUrl());
        env.append({QStringLiteral("HEARTH_REPLY_SAVE_INTERVAL_MS"), QStringLiteral("300")});
        if (!dataDir.isEmpty())
            env.append({QStringLiteral("HEARTH_DATA_DIR"), dataDir});
        auto server = std::make_unique<HearthProcess>(QStringLiteral(HEARTH_SERVER_BINARY), env);
        return server->waitUntilServing().isEmpty() ? nullptr : std::move(server);
    }

    static QVariant peek(const QString &dataDir, const QString &sql)
    {
        return dbValue(sqliteDatabaseIn(dataDir), sql);
    }

private slots:
    void killedMidStreamAndMidWrite()
    {
        QTemporaryDir data;
        auto server = start(data.path());
        QVERIFY(server);
        ApiClient client(server->url());
        client.login(TestServer::adminEmail, TestServer::adminPassword);

        const int finished = 5;
        for (int i = 0; i < finished; ++i) {
            const ApiReply reply = client.sendMessage(
                client.createConversation(), QStringLiteral("hi"), QStringLiteral("fake-stream"));
            QCOMPARE(reply.status, 200);
        }
        // Ten long replies streaming at once (a delta every 5 ms for 10 s)…
        const int streams = 10;
        // (A client of its own for each: QNetworkAccessManager opens at most
        // six connections to one server.)
        std::vector<std::unique_ptr<ApiClient>> streamers;
        QList<QByteArray> received(streams);
        for (int i = 0; i < streams; ++i) {
            streamers.push_back(std::make_unique<ApiClient>(server->url()));
            streamers.back()->token = client.token;
            QNetworkReply *reply = streamers.back()->startMessageStream(
                client.createConversation(), QStringLiteral("go"),
                QStringLiteral("fake-tokens-2000-5"));
            connect(reply, &QNetworkReply::readyRead, this,
                    [&received, reply, i] { received[i] += reply->readAll(); });
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(received.cbegin(), received.cend(),
                        [](const QByteArray &r) { return r.contains("tok3 "); }),
            20000);
        // Every reply has been saved with some text while it streams.
        QTRY_COMPARE_WITH_TIMEOUT(
            peek(data.path(), QStringLiteral("SELECT COUNT(*) FROM messages WHERE finish_reason = "
                                             "'streaming' AND content LIKE 'tok0 tok1 %'"))
                .toInt(),
            streams, 20000);
        // …and fifty writes on their way.
        QList<QNetworkReply *> writes;
        for (int i = 0; i < 50; ++i)
            writes << client.start("POST", QStringLiteral("/v1/conversations"),
                                   R"({"title":"in flight"})",
                                   {{"Content-Type", "application/json"}});
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(writes.cbegin(), writes.cend(),
                                             [](QNetworkReply *w) { return w->isFinished(); }),
                                 10000);
        QSignalSpy exited(&server->process(), &QProcess::finished);
        server->process().kill();
        QVERIFY(exited.wait(10000));
        QCOMPARE(server->process().exitStatus(), QProcess::CrashExit);

        QCOMPARE(peek(data.path(), QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(peek(data.path(), QStringLiteral("SELECT COUNT(*) FROM messages WHERE "
                                                  "finish_reason = 'streaming'"))
                     .toInt(),
                 streams);

        auto again = start(data.path());
        QVERIFY(again);
        QCOMPARE(peek(data.path(), QStringLiteral("SELECT COUNT(*) FROM messages WHERE "
                                                  "finish_reason = 'streaming'"))
                     .toInt(),
                 0);
        QCOMPARE(peek(data.path(), QStringLiteral("SELECT COUNT(*) FROM messages WHERE "
                                                  "finish_reason = 'interrupted'"))
                     .toInt(),
                 streams);
        // The text saved before the crash is kept.
        QCOMPARE(
            peek(data.path(), QStringLiteral("SELECT COUNT(*) FROM messages WHERE finish_reason"
                                             " = 'interrupted' AND content LIKE 'tok0 tok1 %'"))
                .toInt(),
            streams);
        // Counted once: one ledger row per finished call, none for the
        // calls the crash cut off, whatever the upstream was asked.
        QCOMPARE(peek(data.path(), QStringLiteral("SELECT COUNT(*) FROM usage_ledger")).toInt(),
                 finished);
        QCOMPARE(peek(data.path(),
                      QStringLiteral("SELECT COUNT(*) FROM messages WHERE role = 'assistant' AND "
                                     "finish_reason = 'stop'"))
                     .toInt(),
                 finished);
        QCOMPARE(std::count_if(m_upstream.received.cbegin(), m_upstream.received.cend(),
                               [](const FakeUpstream::Received &r) {
                                   return r.path == "/v1/chat/completions";
                               }),
                 finished + streams);
        // The restarted server serves the interrupted conversation.
        ApiClient after(again->url());
        after.login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(after.get(QStringLiteral("/v1/me/usage")).status, 200);
        QCOMPARE(after.get(QStringLiteral("/v1/conversations")).status, 200);
    }
};

QTEST_MAIN(TestCrashRecovery)
#include "tst_crash_recovery.moc"
