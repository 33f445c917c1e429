#include "llm/HttpResponseReader.h"

#include <QtTest/QTest>

using namespace hearth;
using State = HttpResponseReader::State;

namespace {

struct Read
{
    State state = State::Head;
    int status = 0;
    QByteArray body;
    bool reusable = false;
    qsizetype used = 0;
};

Read readAll(const QByteArray &bytes, qsizetype piece, bool closeAtEnd = false)
{
    HttpResponseReader reader;
    Read out;
    for (qsizetype start = 0; start < bytes.size(); start += piece) {
        const QByteArray chunk = bytes.mid(start, piece);
        const qsizetype used = reader.feed(chunk.constData(), chunk.size(), &out.body);
        out.used += used;
        if (used < chunk.size())
            break;
    }
    if (closeAtEnd)
        reader.endOfInput();
    out.state = reader.state();
    out.status = reader.status();
    out.reusable = reader.reusable();
    return out;
}

} // namespace

class TestHttpResponseReader final : public QObject
{
    Q_OBJECT
private slots:
    void bodies_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("close");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("reusable");
        QTest::newRow("length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
                                << false << QByteArray("hello") << true;
        QTest::newRow("chunked") << QByteArray(
                                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        "5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n")
                                 << false << QByteArray("hello world") << true;
        QTest::newRow("until close") << QByteArray("HTTP/1.1 200 OK\r\n\r\nstreamed") << true
                                     << QByteArray("streamed") << false;
        QTest::newRow("close asked")
            << QByteArray("HTTP/1.1 500 Oops\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}")
            << false << QByteArray("{}") << false;
        QTest::newRow("1.0") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx") << false
                             << QByteArray("x") << false;
        QTest::newRow("interim 100")
            << QByteArray(
                   "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            << false << QByteArray("ok") << true;
        QTest::newRow("no content")
            << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << QByteArray() << true;
    }
    void bodies()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, close);
        QFETCH(QByteArray, body);
        QFETCH(bool, reusable);
        for (const qsizetype piece : {qsizetype(1), qsizetype(3), bytes.size()}) {
            const Read read = readAll(bytes, piece, close);
            QCOMPARE(read.state, State::Done);
            QCOMPARE(read.body, body);
            QCOMPARE(read.reusable, reusable);
            QCOMPARE(read.used, bytes.size());
        }
    }

    void stopsAtTheEndOfTheResponse()
    {
        const QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK";
        const Read read = readAll(bytes, bytes.size());
        QCOMPARE(read.state, State::Done);
        QCOMPARE(read.used, bytes.indexOf("okHTTP") + 2);
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n");
        QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n");
        QTest::newRow("bad length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n");
        QTest::newRow("bad chunk")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        QTest::newRow("huge head") << QByteArray("HTTP/1.1 200 OK\r\nX: " + QByteArray(70000, 'a'));
    }
    void failures()
    {
        QFETCH(QByteArray, bytes);
        QCOMPARE(readAll(bytes, 7).state, State::Failed);
    }

    void cutShortIsAnError()
    {
        QCOMPARE(readAll("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhalf", 100, true).state,
                 State::Failed);
        QCOMPARE(readAll("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", 100, true)
                     .state,
                 State::Failed);
        QCOMPARE(readAll("HTTP/1.1 20", 100, true).state, State::Failed);
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseReader)
#include "tst_httpresponsereader.moc"
