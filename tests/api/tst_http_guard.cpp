#include "ApiClient.h"
#include "RawClient.h"
#include "TestServer.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

namespace {

quint16 portOf(const QString &baseUrl)
{
    return quint16(QUrl(baseUrl).port());
}

QByteArray jsonPost(const QByteArray &path, const QByteArray &body, const QByteArray &extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extra +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Where each response's status line starts in what a connection received.
QList<qsizetype> statusLines(const QByteArray &received)
{
    QList<qsizetype> at;
    for (qsizetype i = received.indexOf("HTTP/1.1 "); i >= 0;
         i = received.indexOf("HTTP/1.1 ", i + 1))
        at << i;
    return at;
}

} // namespace

class TestHttpGuard final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    quint16 m_port = 0;

private slots:
    void initTestCase()
    {
        m_server.config.maxBodyBytes = 64 * 1024;
        m_server.config.headerTimeoutSec = 1;
        m_server.config.idleTimeoutSec = 2;
        m_server.config.maxConnections = 20;
        m_server.config.maxConnectionsPerAddress = 8;
        m_server.config.demoDelayMs = 20;
        m_server.config.corsAllowedOrigins = {QStringLiteral("http://app.example")};
        QVERIFY(m_server.start());
        m_port = portOf(m_server.baseUrl());
    }

    void oversizedBodyIsRefusedBeforeItIsRead()
    {
        RawClient client(m_port);
        QVERIFY(client.connected());
        const qint64 total = 50ll * 1024 * 1024;
        client.send("POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: " +
                    QByteArray::number(total) + "\r\n\r\n");
        // Keep sending the 50 MB body, as a careless client would, until the answer comes.
        const QByteArray block(1024 * 1024, 'x');
        qint64 sent = 0;
        while (sent < total && !client.received.contains("\r\n\r\n") && !client.closed()) {
            client.send(block);
            sent += block.size();
            // Paced by the socket; a server that stops reading ends the loop.
            if (!QTest::qWaitFor(
                    [&] { return client.socket().bytesToWrite() == 0 || client.closed(); }, 1000))
                break;
        }
        QVERIFY(client.waitFor("PAYLOAD_TOO_LARGE"));
        QVERIFY(client.received.startsWith("HTTP/1.1 413 "));
        QVERIFY(client.received.contains("Connection: close"));
        QVERIFY(client.waitForClose());
        QVERIFY2(sent < total, "the server let the whole body in"); // memory: see tst_server_cli
    }

    // Only someone signed in may make the server store an upload's body:
    // without a valid token the answer comes as soon as the head is in,
    // before the rest of the body is sent, and nothing goes to disk.
    void anUploadWithoutASignInIsRefusedAtItsHead_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("a forged token") << QByteArray("Authorization: Bearer e30.e30.bm9wZQ\r\n");
        QTest::newRow("an unknown key") << QByteArray("Authorization: Bearer hk-nope\r\n");
    }
    void anUploadWithoutASignInIsRefusedAtItsHead()
    {
        QFETCH(QByteArray, authorization);
        RawClient client(m_port);
        QVERIFY(client.connected());
        client.send("POST /v1/attachments?name=big.png HTTP/1.1\r\nHost: x\r\n" + authorization +
                    "Content-Length: " + QByteArray::number(m_server.config.maxUploadBytes) +
                    "\r\n\r\n" + QByteArray(4000, 'x'));
        QVERIFY(client.waitFor("\r\n\r\n")); // with nearly all of the body still unsent
        QVERIFY2(client.received.startsWith("HTTP/1.1 401"), client.received.constData());
        QVERIFY(client.received.contains("\"UNAUTHORIZED\""));
        QVERIFY(QDir(QDir(m_server.config.dataDir).filePath(QStringLiteral("uploads")))
                    .isEmpty(QDir::Files | QDir::Hidden));
    }

    void oversizedBodyViaHttpClient()
    {
        ApiClient client(m_server.baseUrl());
        const ApiReply reply =
            client.request("POST", QStringLiteral("/v1/auth/login"), QByteArray(70 * 1024, ' '),
                           {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 413);
        QCOMPARE(reply.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
    }

    void expectContinueIsAnswered()
    {
        RawClient client(m_port);
        QVERIFY(client.connected());
        const QByteArray body = R"({"email":"x@example.com","password":"whatever1"})";
        client.send("POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Expect: 100-continue\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n");
        QVERIFY(client.waitFor("HTTP/1.1 100 Continue\r\n\r\n"));
        client.send(body);
        QVERIFY(client.waitFor("INVALID_CREDENTIALS"));
        QVERIFY(client.received.contains("HTTP/1.1 401 "));
    }

    void malformedRequestsAreRefusedAndClosed_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << QByteArray("400");
        QTest::newRow("bare LF") << QByteArray("GET /health HTTP/1.1\nHost: x\n\n")
                                 << QByteArray("400");
        QTest::newRow("two lengths")
            << QByteArray(
                   "POST /health HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << QByteArray("400");
        // To /health, which a lenient parser would answer with 200.
        const QByteArray post = "GET /health HTTP/1.1\r\nHost: x\r\n";
        QTest::newRow("same length twice")
            << QByteArray(post + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}")
            << QByteArray("400");
        QTest::newRow("plus length")
            << QByteArray(post + "Content-Length: +2\r\n\r\n{}") << QByteArray("400");
        QTest::newRow("negative length")
            << QByteArray(post + "Content-Length: -1\r\n\r\n") << QByteArray("400");
        QTest::newRow("length list")
            << QByteArray(post + "Content-Length: 2 ,2\r\n\r\n{}") << QByteArray("400");
        QTest::newRow("space before colon")
            << QByteArray(post + "Content-Length : 2\r\n\r\n{}") << QByteArray("400");
        QTest::newRow("gzip encoding")
            << QByteArray(post + "Transfer-Encoding: gzip\r\n\r\n0\r\n\r\n") << QByteArray("400");
        QTest::newRow("encoding list")
            << QByteArray(post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
            << QByteArray("400");
        QTest::newRow("length and encoding")
            << QByteArray(post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << QByteArray("400");
        QTest::newRow("obs-fold") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n"
                                                " folded\r\n\r\n")
                                  << QByteArray("400");
        QByteArray fields = "GET /health HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 100; ++i)
            fields += "X-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("101 fields") << QByteArray(fields + "\r\n") << QByteArray("431");
        QTest::newRow("17 KiB of headers")
            << QByteArray("GET /health HTTP/1.1\r\nX-Big: " + QByteArray(17 * 1024, 'a') +
                          "\r\n\r\n")
            << QByteArray("431");
        QTest::newRow("http/1.2") << QByteArray("GET /health HTTP/1.2\r\n\r\n")
                                  << QByteArray("505");
        QTest::newRow("http/0.9") << QByteArray("GET /health HTTP/0.9\r\n\r\n")
                                  << QByteArray("505");
        QTest::newRow("bad target")
            << QByteArray("GET health HTTP/1.1\r\n\r\n") << QByteArray("400");
        QTest::newRow("chunked body over the limit")
            << QByteArray(post + "Transfer-Encoding: chunked\r\n\r\n10001\r\n")
            << QByteArray("413");
        QTest::newRow("http2") << QByteArray("GET /health HTTP/2.0\r\n\r\n") << QByteArray("505");
        QTest::newRow("huge header")
            << QByteArray("GET /health HTTP/1.1\r\nX-Big: " + QByteArray(30000, 'a') + "\r\n\r\n")
            << QByteArray("431");
        QTest::newRow("huge line")
            << QByteArray("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n")
            << QByteArray("414");
    }
    void malformedRequestsAreRefusedAndClosed()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        RawClient client(m_port);
        QVERIFY(client.connected());
        client.send(request);
        QVERIFY(client.waitFor("\r\n\r\n"));
        QVERIFY2(client.received.startsWith("HTTP/1.1 " + status + ' '),
                 client.received.left(80).constData());
        QVERIFY(client.received.contains("\"code\":"));
        QVERIFY(client.waitForClose());
    }

    void chunkedBodiesAreRead()
    {
        RawClient client(m_port);
        QVERIFY(client.connected());
        client.send("POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n"
                    "11\r\n{\"email\":\"x@examp\r\n"
                    "1e;ext=1\r\nle.com\",\"password\":\"whatever\"}\r\n0\r\n\r\n");
        QVERIFY(client.waitFor("INVALID_CREDENTIALS")); // the JSON arrived whole
        QVERIFY(client.received.startsWith("HTTP/1.1 401 "));
        client.received.clear();
        client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitFor("\"status\":\"ok\""));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawClient client(m_port);
        QVERIFY(client.connected());
        client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                    "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n" +
                    jsonPost("/v1/auth/login", R"({"email":"a@b.c","password":"whatever"})") +
                    "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    "GET /never HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitForClose());
        const QByteArray &r = client.received;
        const QList<qsizetype> starts = statusLines(r);
        QVERIFY2(starts.size() == 4, r.constData()); // nothing after Connection: close
        QVERIFY(r.mid(starts[0], starts[1] - starts[0]).contains("\"status\":\"ok\""));
        QVERIFY(r.mid(starts[1], starts[2] - starts[1]).contains("NOT_FOUND"));
        QVERIFY(r.mid(starts[2], starts[3] - starts[2]).contains("INVALID_CREDENTIALS"));
        QVERIFY(r.mid(starts[3]).contains("\"status\":\"ok\""));
        QVERIFY(r.mid(starts[3]).contains("Connection: close"));
    }

    void aPipelinedRequestWaitsForTheStreamToEnd()
    {
        ApiClient api(m_server.baseUrl());
        api.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString conversation = api.createConversation();
        QVERIFY(!conversation.isEmpty());
        const QByteArray auth = "Authorization: Bearer " + api.token.toLatin1() + "\r\n";
        const QByteArray path = "/v1/conversations/" + conversation.toLatin1() + "/messages";
        const QByteArray streamed = jsonPost(
            path, R"({"role":"user","content":"hello","model":"hearth-demo","stream":true})", auth);
        const QByteArray health = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        // Sent together, and sent once the stream has begun (as a client
        // reusing its connection would): both answers come after the stream.
        for (const bool together : {true, false}) {
            RawClient client(m_port);
            QVERIFY(client.connected());
            client.send(together ? streamed + health : streamed);
            if (!together) {
                QVERIFY(client.waitFor("data: "));
                client.send(health);
            }
            QVERIFY(client.waitFor("\"status\":\"ok\""));
            const QByteArray &r = client.received;
            const QList<qsizetype> starts = statusLines(r);
            QCOMPARE(starts.size(), 2);
            QVERIFY(r.mid(starts[0], starts[1] - starts[0]).contains("text/event-stream"));
            QVERIFY2(r.mid(0, starts[1]).endsWith("\r\n0\r\n\r\n"), "the stream was interrupted");
            QVERIFY(r.mid(0, starts[1]).count("data: ") > 3);
        }
    }

    void trickledHeadersStillTimeOut()
    {
        // One byte every 100 ms: the 1 s deadline runs from the first byte,
        // and the bytes that keep coming do not move it.
        RawClient client(m_port);
        QVERIFY(client.connected());
        const QByteArray head =
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(40, 'a') + "\r\n\r\n";
        qsizetype sent = 0;
        QTimer trickle;
        QObject::connect(&trickle, &QTimer::timeout, [&] {
            if (sent < head.size() && !client.closed())
                client.send(head.mid(sent++, 1));
        });
        trickle.start(100);
        QVERIFY(client.waitFor("REQUEST_TIMEOUT", 15000));
        QVERIFY(client.received.startsWith("HTTP/1.1 408 "));
        QVERIFY(client.waitForClose());
        QVERIFY2(sent < head.size(), "the whole head got through");
    }

    void keepAliveServesSeveralRequests()
    {
        RawClient client(m_port);
        QVERIFY(client.connected());
        client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitFor("\"status\":\"ok\""));
        client.received.clear();
        client.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitFor("NOT_FOUND"));
        QVERIFY(!client.closed());
    }

    void connectionCloseAndHttp10AreHonoured()
    {
        for (const QByteArray &request :
             {QByteArray("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"),
              QByteArray("GET /health HTTP/1.0\r\n\r\n")}) {
            RawClient client(m_port);
            QVERIFY(client.connected());
            client.send(request);
            QVERIFY(client.waitFor("\"status\":\"ok\""));
            QVERIFY(client.received.contains("Connection: close"));
            QVERIFY(client.waitForClose());
        }
    }

    void slowHeadersTimeOut()
    {
        RawClient client(m_port);
        QVERIFY(client.connected());
        client.send("GET /health HTTP/1.1\r\nHost: x\r\n"); // and never the blank line
        QVERIFY(client.waitFor("REQUEST_TIMEOUT"));
        QVERIFY(client.received.startsWith("HTTP/1.1 408 "));
        QVERIFY(client.waitForClose());
    }

    void idleConnectionsAreClosed()
    {
        RawClient client(m_port);
        QVERIFY(client.connected());
        QVERIFY(client.waitForClose());
        QVERIFY(client.received.isEmpty());
    }

    void connectionsOverTheCapGet503()
    {
        // 25 clients from five addresses against a cap of 20: at least 5 are
        // refused at once. (A few more may be, if sockets of earlier tests are
        // not gone yet.)
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 25; ++i) {
            const QHostAddress from(QStringLiteral("127.0.0.%1").arg(2 + i % 5));
            clients.push_back(std::make_unique<RawClient>(m_port, from));
            QVERIFY(clients.back()->connected());
        }
        auto refused = [&] {
            return std::count_if(clients.begin(), clients.end(), [](const auto &c) {
                return c->received.startsWith("HTTP/1.1 503 ") &&
                       c->received.contains("SERVICE_UNAVAILABLE");
            });
        };
        QVERIFY(QTest::qWaitFor([&] { return refused() >= 5; }, 10000));
        QVERIFY2(refused() <= 10, qPrintable(QString::number(refused())));
        clients.clear();
        // Once they are gone, new clients are served again.
        ApiClient client(m_server.baseUrl());
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/health")).status, 200, 10000);
    }

    void connectionsOverTheAddressCapGet503()
    {
        std::vector<std::unique_ptr<RawClient>> clients;
        const QHostAddress greedy(QStringLiteral("127.0.0.9"));
        for (int i = 0; i < 10; ++i) {
            clients.push_back(std::make_unique<RawClient>(m_port, greedy));
            QVERIFY(clients.back()->connected());
        }
        auto refused = [&] {
            return std::count_if(clients.begin(), clients.end(), [](const auto &c) {
                return c->received.startsWith("HTTP/1.1 503 ") &&
                       c->received.contains("from your address");
            });
        };
        QTRY_COMPARE_WITH_TIMEOUT(refused(), 2, 10000); // a cap of 8 per address
        RawClient other(m_port, QHostAddress(QStringLiteral("127.0.0.10")));
        QVERIFY(other.connected());
        other.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(other.waitFor("\"status\":\"ok\""));
    }

    void corsOnlyForAllowedOrigins()
    {
        ApiClient client(m_server.baseUrl());
        ApiReply reply = client.request("GET", QStringLiteral("/health"), {},
                                        {{"Origin", "http://app.example"}});
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("http://app.example"));
        QVERIFY(reply.header("Vary").contains("Origin"));
        QVERIFY(reply.header("Access-Control-Expose-Headers").contains("Link"));

        reply = client.request("GET", QStringLiteral("/health"), {},
                               {{"Origin", "http://evil.example"}});
        QVERIFY(reply.header("Access-Control-Allow-Origin").isEmpty());

        reply = client.request(
            "OPTIONS", QStringLiteral("/v1/conversations"), {},
            {{"Origin", "http://app.example"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(reply.status, 204);
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("http://app.example"));
        QVERIFY(reply.header("Access-Control-Allow-Methods").contains("POST"));
        QVERIFY(reply.header("Access-Control-Allow-Headers").contains("Authorization"));

        reply = client.request(
            "OPTIONS", QStringLiteral("/v1/conversations"), {},
            {{"Origin", "http://evil.example"}, {"Access-Control-Request-Method", "POST"}});
        QVERIFY(reply.header("Access-Control-Allow-Origin").isEmpty());
        QVERIFY(reply.header("Access-Control-Allow-Methods").isEmpty());
    }

    void theServerSurvivesAbruptClients()
    {
        for (int i = 0; i < 20; ++i) {
            RawClient client(m_port);
            QVERIFY(client.connected());
            client.send("POST /v1/auth/login HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"email\"");
            client.socket().abort();
        }
        // The aborted connections are counted off as their resets are read.
        ApiClient client(m_server.baseUrl());
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/health")).status, 200, 10000);
    }
};

QTEST_GUILESS_MAIN(TestHttpGuard)
#include "tst_http_guard.moc"
