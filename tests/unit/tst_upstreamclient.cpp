#include "llm/UpstreamClient.h"

#include <QtNetwork/QTcpServer>

#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <sys/socket.h>

using namespace hearth;

namespace {

// A keep-alive HTTP/1.1 server on loopback that answers each request with
// its path as the body — at once, or when release() is called.
class HoldingServer final : public QObject
{
public:
    HoldingServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                m_open << socket;
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void release()
    {
        hold = false;
        for (const auto &[socket, path] : std::as_const(m_held))
            answer(socket, path);
        m_held.clear();
    }
    void closeAll()
    {
        for (QTcpSocket *socket : std::as_const(m_open))
            socket->disconnectFromHost();
    }
    // Like a crashed upstream: the client's next write fails at once.
    void resetAll()
    {
        for (QTcpSocket *socket : std::as_const(m_open)) {
            const linger noLinger{1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger,
                         sizeof noLinger);
            socket->abort();
        }
        m_open.clear();
    }

    bool hold = false;
    int connections = 0;
    int requests = 0;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (qsizetype end; (end = buffer.indexOf("\r\n\r\n")) >= 0;) {
            const QByteArray head = buffer.left(end);
            const qsizetype lengthAt = head.toLower().indexOf("content-length: ");
            const qint64 length =
                lengthAt < 0 ? 0 : head.mid(lengthAt + 16).split('\r').first().toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            const QByteArray path = head.split(' ').value(1);
            buffer.remove(0, end + 4 + length);
            ++requests;
            if (hold)
                m_held.append({socket, path});
            else
                answer(socket, path);
        }
    }
    static void answer(QTcpSocket *socket, const QByteArray &path)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(path.size()) +
                      "\r\n\r\n" + path);
    }

    QTcpServer m_server;
    QList<QTcpSocket *> m_open;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPair<QTcpSocket *, QByteArray>> m_held;
};

struct Outcome
{
    bool sent = false;
    QByteArray body;
    bool finished = false;
    QString error;
};

UpstreamExchange *post(UpstreamClient &client, const QUrl &url, Outcome *out, QObject *parent)
{
    UpstreamRequest request;
    request.url = url;
    request.body = "{}";
    UpstreamExchange *exchange = client.exchange(request, parent);
    QObject::connect(exchange, &UpstreamExchange::requestSent, [out] { out->sent = true; });
    QObject::connect(exchange, &UpstreamExchange::bodyReceived,
                     [out](const QByteArray &bytes) { out->body += bytes; });
    QObject::connect(exchange, &UpstreamExchange::finished, [out] { out->finished = true; });
    QObject::connect(exchange, &UpstreamExchange::failed,
                     [out](const QString &error) { out->error = error; });
    exchange->start();
    return exchange;
}

} // namespace

class TestUpstreamClient final : public QObject
{
    Q_OBJECT
private slots:
    void manyAtOnceToOneHost()
    {
        // More than the six connections per host QNetworkAccessManager allows.
        HoldingServer server;
        server.hold = true;
        UpstreamClient client;
        QObject parent;
        QList<Outcome> outcomes(20);
        for (int i = 0; i < 20; ++i)
            post(client, server.url(QStringLiteral("/r%1").arg(i)), &outcomes[i], &parent);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 20, 10000); // all sent before any answer
        QCOMPARE(server.connections, 20);
        server.release();
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.cbegin(), outcomes.cend(),
                                             [](const Outcome &o) { return o.finished; }),
                                 10000);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(outcomes[i].body, QByteArray("/r") + QByteArray::number(i));
        QCOMPARE(client.idleConnections(), 20);
    }

    void connectionsAreReused()
    {
        HoldingServer server;
        UpstreamClient client;
        QObject parent;
        for (int i = 0; i < 5; ++i) {
            Outcome out;
            post(client, server.url(QStringLiteral("/again")), &out, &parent);
            QTRY_VERIFY_WITH_TIMEOUT(out.finished, 10000);
            QVERIFY(out.sent); // on a pooled connection too, where it comes from start()
            QCOMPARE(out.body, QByteArray("/again"));
        }
        QCOMPARE(server.connections, 1);
        QCOMPARE(server.requests, 5);
    }

    void aConnectionTheServerClosedIsReplaced()
    {
        HoldingServer server;
        UpstreamClient client;
        QObject parent;
        Outcome first;
        post(client, server.url(QStringLiteral("/one")), &first, &parent);
        QTRY_VERIFY_WITH_TIMEOUT(first.finished, 10000);
        server.closeAll(); // the upstream's keep-alive timeout
        QTRY_COMPARE_WITH_TIMEOUT(client.idleConnections(), 0, 10000);
        Outcome second;
        post(client, server.url(QStringLiteral("/two")), &second, &parent);
        QTRY_VERIFY_WITH_TIMEOUT(second.finished, 10000);
        QCOMPARE(second.body, QByteArray("/two"));
        QCOMPARE(server.connections, 2);
    }

    void resetPooledConnectionsAreReplacedByANewOne()
    {
        HoldingServer server;
        server.hold = true;
        UpstreamClient client;
        QObject parent;
        QList<Outcome> first(2);
        for (Outcome &out : first)
            post(client, server.url(QStringLiteral("/one")), &out, &parent);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 2, 10000);
        server.release();
        QTRY_VERIFY_WITH_TIMEOUT(first[0].finished && first[1].finished, 10000);
        QCOMPARE(client.idleConnections(), 2);
        server.resetAll(); // no event loop runs before a pooled connection is used
        Outcome second;
        post(client, server.url(QStringLiteral("/two")), &second, &parent);
        // The write failed inside start(); its caller hears of nothing yet.
        QVERIFY(!second.finished);
        QVERIFY(second.error.isEmpty());
        // The retry is on a new connection, not on the other dead one.
        QTRY_VERIFY_WITH_TIMEOUT(second.finished || !second.error.isEmpty(), 10000);
        QCOMPARE(second.error, QString());
        QCOMPARE(second.body, QByteArray("/two"));
        QCOMPARE(server.connections, 3);
    }

    void abortedExchangesDoNotReturnTheirConnection()
    {
        HoldingServer server;
        server.hold = true;
        UpstreamClient client;
        QObject parent;
        Outcome out;
        UpstreamExchange *exchange = post(client, server.url(QStringLiteral("/x")), &out, &parent);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 1, 10000);
        exchange->abort();
        server.release();
        QCOMPARE(client.idleConnections(), 0);
        QVERIFY(!out.finished);
        QVERIFY(out.error.isEmpty()); // aborted: no more signals
    }

    void unreachableHostsFail()
    {
        UpstreamClient client;
        QObject parent;
        Outcome out;
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        post(client, QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), &out, &parent);
        QTRY_VERIFY_WITH_TIMEOUT(!out.error.isEmpty(), 10000);
        QVERIFY(!out.finished);
        Outcome bad;
        post(client, QUrl(QStringLiteral("ftp://example.com/")), &bad, &parent);
        QTRY_VERIFY_WITH_TIMEOUT(!bad.error.isEmpty(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_upstreamclient.moc"
