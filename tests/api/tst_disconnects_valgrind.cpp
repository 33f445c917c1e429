#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "HearthProcess.h"
#include "TestServer.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

// 100 clients that leave at random points of a streamed reply — in the
// middle of their request, right after it, after some of the stream, or at
// its end — against hearth-server under valgrind's memcheck. No invalid
// read or write, no definite leak, nothing left "streaming", and the server
// serves on. The seed is printed; HEARTH_TEST_SEED replays a run.
namespace {

enum class Leave { MidHead, MidBody, AfterRequest, MidStream, AtTheEnd };

struct Client
{
    QTcpSocket socket;
    QByteArray received;
    Leave leave = Leave::AtTheEnd;
    qsizetype leaveAfter = 0; // response bytes, for MidStream
    bool done = false;
};

} // namespace

class TestDisconnectsValgrind final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    QTemporaryDir m_logs;

    static QByteArray request(const QByteArray &auth, const QString &conversation, int i)
    {
        // Half through the chat window's route (stored messages), half
        // through the OpenAI-compatible one.
        const QByteArray model = "fake-tokens-60-10";
        QByteArray path = "/v1/chat/completions";
        // (No raw strings here: moc 6.4 loses its way in this one.)
        QByteArray body =
            "{\"model\":\"" + model +
            "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        if (i % 2 == 0) {
            path = "/v1/conversations/" + conversation.toLatin1() + "/messages";
            body = "{\"role\":\"user\",\"content\":\"hi\",\"stream\":true,\"model\":\"" + model +
                   "\"}";
        }
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
               auth + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

private slots:
    void clientsLeaveAtRandomPoints()
    {
        const QString log = QDir(m_logs.path()).filePath(QStringLiteral("memcheck.log"));
        HearthProcess server(
            QStringLiteral(HEARTH_SERVER_BINARY),
            HearthProcess::chatEnv(m_upstream.baseUrl()) +
                HearthProcess::Env{{QStringLiteral("HEARTH_ACCESS_LOG"), QStringLiteral("off")}},
            {QStringLiteral("valgrind"), QStringLiteral("--tool=memcheck"),
             QStringLiteral("--leak-check=full"), QStringLiteral("--show-leak-kinds=definite"),
             QStringLiteral("--errors-for-leak-kinds=definite"),
             QStringLiteral("--error-exitcode=99"), QStringLiteral("--num-callers=40"),
             QStringLiteral("--suppressions=" HEARTH_VALGRIND_SUPPRESSIONS),
             QStringLiteral("--log-file=") + log});
        QVERIFY2(!server.waitUntilServing(240000).isEmpty(), "hearth-server did not start");
        ApiClient admin(server.url());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        QVERIFY(!admin.token.isEmpty());
        const QByteArray auth = "Authorization: Bearer " + admin.token.toLatin1() + "\r\n";
        // The provider's models are listed from the upstream in the background.
        QTRY_VERIFY_WITH_TIMEOUT(
            admin.get(QStringLiteral("/v1/models")).body.contains("fake-tokens-60-10"), 60000);

        const quint32 seed = qEnvironmentVariableIsSet("HEARTH_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("HEARTH_TEST_SEED"))
                                 : QRandomGenerator::global()->generate();
        qInfo("seed %u (HEARTH_TEST_SEED replays it)", seed);
        QRandomGenerator random(seed);
        const quint16 port = quint16(QUrl(server.url()).port());
        int leftEarly = 0;
        for (int batch = 0; batch < 5; ++batch) {
            std::vector<std::unique_ptr<Client>> clients;
            for (int i = 0; i < 20; ++i) {
                auto client = std::make_unique<Client>();
                const int n = batch * 20 + i;
                const QByteArray bytes =
                    request(auth, n % 2 == 0 ? admin.createConversation() : QString(), n);
                client->leave = Leave(random.bounded(5));
                client->leaveAfter = 200 + random.bounded(3000);
                Client *c = client.get();
                connect(&c->socket, &QTcpSocket::connected, this, [c, bytes, &random] {
                    const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
                    switch (c->leave) {
                    case Leave::MidHead:
                        c->socket.write(bytes.left(random.bounded(int(headEnd))));
                        break;
                    case Leave::MidBody:
                        c->socket.write(bytes.left(headEnd + 4 + 5));
                        break;
                    default:
                        c->socket.write(bytes);
                        return;
                    }
                    c->socket.flush();
                    c->socket.abort();
                    c->done = true;
                });
                connect(&c->socket, &QTcpSocket::readyRead, this, [c] {
                    c->received += c->socket.readAll();
                    const bool leaveNow =
                        c->leave == Leave::AfterRequest ||
                        (c->leave == Leave::MidStream && c->received.size() >= c->leaveAfter);
                    if (leaveNow && !c->done) {
                        c->done = true;
                        c->socket.abort();
                    } else if (c->received.endsWith("\r\n0\r\n\r\n")) {
                        c->done = true;
                        c->socket.disconnectFromHost();
                    }
                });
                connect(&c->socket, &QTcpSocket::disconnected, this, [c] { c->done = true; });
                c->socket.connectToHost(QHostAddress::LocalHost, port);
                if (c->leave != Leave::AtTheEnd)
                    ++leftEarly;
                clients.push_back(std::move(client));
            }
            QTRY_VERIFY_WITH_TIMEOUT(std::all_of(clients.cbegin(), clients.cend(),
                                                 [](const auto &c) { return c->done; }),
                                     120000);
            for (const auto &c : clients) {
                if (c->leave == Leave::AtTheEnd)
                    QVERIFY2(c->received.contains("tok59 "), c->received.right(300).constData());
            }
        }
        QVERIFY(leftEarly > 50);

        // Every reply whose client left ends up stored as cancelled, none
        // stays "streaming", and the server still answers.
        const hearth::ServerConfig db = sqliteDatabaseIn(server.dataDir());
        QTRY_COMPARE_WITH_TIMEOUT(
            dbValue(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE finish_reason = "
                                       "'streaming'"))
                .toInt(),
            0, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(admin.get(QStringLiteral("/health")).status, 200, 30000);
        QVERIFY(m_upstream.clientDisconnects > 0); // calls were cancelled upstream too

        QSignalSpy exited(&server.process(), &QProcess::finished);
        server.process().terminate();
        QVERIFY(exited.wait(240000));
        QFile report(log);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray text = report.readAll();
        QVERIFY2(text.contains("ERROR SUMMARY: 0 errors"), text.right(6000).constData());
        qInfo("%s", text.right(1500).constData());
        QVERIFY2(server.process().exitCode() == 0,
                 qPrintable(QStringLiteral("exit code %1").arg(server.process().exitCode())));
    }
};

QTEST_MAIN(TestDisconnectsValgrind)
#include "tst_disconnects_valgrind.moc"
