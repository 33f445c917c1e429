#include "http/RequestFramer.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTemporaryFile>
#include <QtTest/QTest>

using namespace hearth;
using R = RequestFramer::Result;

namespace {

struct Framed
{
    QList<RequestHead> heads;
    QList<QByteArray> bodies;
    QList<bool> spooled; // the body came in a file
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
                const std::unique_ptr<QTemporaryFile> spool = framer.takeSpool();
                out.spooled << bool(spool);
                QByteArray body = framer.takeBody();
                if (spool) {
                    QFile written(spool->fileName()); // as a handler would open it
                    if (body.isEmpty() && written.open(QIODevice::ReadOnly))
                        body = written.readAll();
                }
                out.bodies << body;
            }
        }
    }
    return out;
}

// POST /upload bodies go to files in `dir`, up to 64 KiB; others stay in
// memory, up to 1 KiB.
RequestFramer::Limits spoolingLimits(const QString &dir)
{
    RequestFramer::Limits limits;
    limits.maxBodyBytes = 1024;
    limits.spoolDir = dir;
    limits.spooledBodyLimit = [](const RequestHead &head) -> qint64 {
        return head.method == "POST" && head.target == "/upload" ? 64 * 1024 : 0;
    };
    return limits;
}

QByteArray upload(const QByteArray &body, const QByteArray &target = "/upload")
{
    return "POST " + target + " HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

QByteArray chunkedUpload(const QByteArray &body, qsizetype chunk)
{
    QByteArray out = "POST /upload HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (qsizetype at = 0; at < body.size(); at += chunk) {
        const QByteArray piece = body.mid(at, chunk);
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return out + "0\r\n\r\n";
}

QByteArray sample(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(i * 7 + i / 251);
    return bytes;
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

    // Uploads are written to a file as they arrive, past the in-memory
    // limit; other requests on the same connection stay in memory.
    void uploadsGoToAFile()
    {
        QTemporaryDir dir;
        const QByteArray big = sample(50 * 1024);
        const QByteArray bytes = upload(big) + upload("small", "/other") + chunkedUpload(big, 4000);
        for (const qsizetype piece : {qsizetype(1000), qsizetype(65536), bytes.size()}) {
            const Framed out = frame(bytes, piece, spoolingLimits(dir.path()));
            QCOMPARE(out.errorStatus, 0);
            QCOMPARE(out.bodies.size(), 3);
            QCOMPARE(out.spooled, (QList<bool>{true, false, true}));
            QCOMPARE(out.bodies[0], big);
            QCOMPARE(out.bodies[1], QByteArray("small"));
            QCOMPARE(out.bodies[2], big);
        }
        QVERIFY(QDir(dir.path()).isEmpty()); // the spools went with the requests
    }

    void uploadLimits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("upload over its limit") << upload(sample(64 * 1024 + 1)) << 413;
        QTest::newRow("chunked upload over its limit")
            << chunkedUpload(sample(70 * 1024), 8192) << 413;
        QTest::newRow("upload-sized body elsewhere") << upload(sample(2000), "/other") << 413;
        QTest::newRow("upload at its limit") << upload(sample(64 * 1024)) << 0;
    }
    void uploadLimits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QTemporaryDir dir;
        const Framed out = frame(bytes, 5000, spoolingLimits(dir.path()));
        QCOMPARE(out.errorStatus, status);
        QVERIFY(QDir(dir.path()).isEmpty()); // nothing of a refused upload stays
    }

    // A client that goes away half-way leaves nothing behind.
    void aCutOffUploadLeavesNothing()
    {
        QTemporaryDir dir;
        const QByteArray half = upload(sample(40 * 1024)).chopped(20 * 1024);
        {
            RequestFramer framer(spoolingLimits(dir.path()));
            qsizetype used = 0, offset = 0;
            while (offset < half.size()) {
                QVERIFY(framer.feed(half.constData() + offset, half.size() - offset, &used) !=
                        R::Error);
                offset += used;
            }
            QVERIFY(framer.readingBody());
            // Being written: as a file of its own, or unnamed (Linux's
            // O_TMPFILE, which even a crash cannot leave behind).
            QVERIFY(QDir(dir.path()).entryList(QDir::Files).size() <= 1);
        }
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void anUnwritableSpoolIsAClearError()
    {
        const Framed out =
            frame(upload("data"), 1 << 20, spoolingLimits(QStringLiteral("/nonexistent/spool")));
        QCOMPARE(out.errorStatus, 507);
    }
};

QTEST_GUILESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
