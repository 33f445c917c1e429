#include "http/RequestFramer.h"

#include <QtTest/QTest>

using namespace hearth;
using R = RequestFramer::Result;

namespace {

struct Framed
{
    QList<RequestHead> heads;
    QList<QByteArray> bodies;
    int errorStatus = 0;
    int continues = 0; // HeadComplete results
};

// Feeds `bytes` in pieces of `piece` bytes, collecting every request.
Framed frame(const QByteArray &bytes, qsizetype piece = 1 << 20,
             RequestFramer::Limits limits = RequestFramer::Limits{})
{
    RequestFramer framer(limits);
    Framed out;
    for (qsizetype start = 0; start < bytes.size() && out.errorStatus == 0; start += piece) {
        const QByteArray chunk = bytes.mid(start, piece);
        qsizetype offset = 0;
        while (offset < chunk.size()) {
            qsizetype used = 0;
            const R result = framer.feed(chunk.constData() + offset, chunk.size() - offset, &used);
            offset += used;
            if (result == R::Error) {
                out.errorStatus = framer.error().status;
                break;
            }
            if (result == R::HeadComplete)
                ++out.continues;
            if (result == R::Request) {
                out.heads << framer.takeHead();
                out.bodies << framer.takeBody();
            }
        }
    }
    return out;
}

} // namespace

class TestRequestFramer final : public QObject
{
    Q_OBJECT
private slots:
    void pipelinedRequestsInAnyPieces()
    {
        const QByteArray bytes = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                                 "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                                 "\r\nPOST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "3;name=v\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nX-T: 1\r\n\r\n"
                                 "GET /d HTTP/1.0\r\n\r\n";
        for (const qsizetype piece : {qsizetype(1), qsizetype(2), qsizetype(7), bytes.size()}) {
            const Framed out = frame(bytes, piece);
            QCOMPARE(out.errorStatus, 0);
            QCOMPARE(out.heads.size(), 4);
            QCOMPARE(out.heads[0].target, QByteArray("/a"));
            QCOMPARE(out.bodies[0], QByteArray());
            QCOMPARE(out.heads[1].target, QByteArray("/b"));
            QCOMPARE(out.bodies[1], QByteArray("hello"));
            QCOMPARE(out.heads[2].target, QByteArray("/c"));
            QVERIFY(out.heads[2].chunked);
            QCOMPARE(out.bodies[2], QByteArray("abc0123456789abcdef"));
            QCOMPARE(out.heads[3].minorVersion, 0);
            QVERIFY(!out.heads[3].keepAlive);
            QCOMPARE(out.continues, 2);
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QByteArray chunkedHead = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("bare LF ends the line at once") << QByteArray("GET / HTTP/1.1\nHo") << 400;
        QTest::newRow("request line over 8 KiB")
            << QByteArray("GET /" + QByteArray(8200, 'a')) << 414;
        QTest::newRow("headers over 16 KiB, short line")
            << QByteArray("GET / HTTP/1.1\r\nX-A: " + QByteArray(16400, 'a')) << 431;
        QByteArray many = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 101; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("101 fields") << QByteArray(many + "\r\n") << 431;
        QTest::newRow("length over the limit")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 4194305\r\n\r\n") << 413;
        QTest::newRow("chunks over the limit")
            << QByteArray(chunkedHead + "400000\r\n" + QByteArray(0x400000, 'a') + "\r\n1\r\nb")
            << 413;
        QTest::newRow("chunk size not hex") << QByteArray(chunkedHead + "xyz\r\n") << 400;
        QTest::newRow("chunk size sign") << QByteArray(chunkedHead + "-1\r\n") << 400;
        QTest::newRow("chunk size 16 digits")
            << QByteArray(chunkedHead + "1000000000000000\r\n") << 400;
        QTest::newRow("chunk without CRLF") << QByteArray(chunkedHead + "3\r\nabcX\r\n") << 400;
        QTest::newRow("chunk size bare LF") << QByteArray(chunkedHead + "3\nabc") << 400;
        QTest::newRow("endless chunk line")
            << QByteArray(chunkedHead + "3;" + QByteArray(2000, 'a')) << 400;
        QTest::newRow("endless trailer")
            << QByteArray(chunkedHead + "0\r\nX-T: " + QByteArray(17000, 'a')) << 431;
        QTest::newRow("version 2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    }
    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QCOMPARE(frame(bytes).errorStatus, status);
        QCOMPARE(frame(bytes, 3).errorStatus, status);
    }

    void leadingEmptyLinesAreSkipped()
    {
        const Framed out = frame("\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.heads.size(), 1);
    }

    void progressIsReported()
    {
        RequestFramer framer{RequestFramer::Limits{}};
        qsizetype used = 0;
        QVERIFY(!framer.readingHead());
        QCOMPARE(framer.feed("GET", 3, &used), R::NeedMore);
        QCOMPARE(used, 3);
        QVERIFY(framer.readingHead());
        const QByteArray rest = " / HTTP/1.1\r\nContent-Length: 2\r\n\r\nx";
        QCOMPARE(framer.feed(rest.constData(), rest.size(), &used), R::HeadComplete);
        QVERIFY(framer.readingBody());
        QCOMPARE(framer.feed(rest.constData() + used, rest.size() - used, &used), R::NeedMore);
        QCOMPARE(framer.feed("yGET", 4, &used), R::Request);
        QCOMPARE(used, 1); // stops at the end of the request
        QCOMPARE(framer.takeBody(), QByteArray("xy"));
        QVERIFY(!framer.readingBody());
    }
};

QTEST_GUILESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
