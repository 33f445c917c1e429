#include "http/RequestHead.h"

#include <QtTest/QTest>

using namespace hearth;
using V = HeadParseResult::Verdict;

Q_DECLARE_METATYPE(HeadParseResult::Verdict)

class TestRequestHead final : public QObject
{
    Q_OBJECT
private slots:
    void accepts()
    {
        const auto r =
            parseRequestHead("POST /v1/x?y=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n"
                             "Origin: http://app\r\nExpect: 100-continue",
                             100);
        QCOMPARE(r.verdict, V::Ok);
        QCOMPARE(r.head.method, QByteArray("POST"));
        QCOMPARE(r.head.target, QByteArray("/v1/x?y=1"));
        QCOMPARE(r.head.contentLength, 12);
        QCOMPARE(r.head.origin, QByteArray("http://app"));
        QVERIFY(r.head.keepAlive);
        QVERIFY(r.head.expectContinue);
    }

    void chunkedAndHeaders()
    {
        const auto r = parseRequestHead("POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n"
                                        "X-A: 1\r\nx-a: 2\r\nAuthorization: Bearer t",
                                        100);
        QCOMPARE(r.verdict, V::Ok);
        QVERIFY(r.head.chunked);
        QCOMPARE(r.head.headers.value("x-a"), QByteArray("1, 2"));
        QCOMPARE(r.head.headers.value("authorization"), QByteArray("Bearer t"));
    }

    void keepAliveRules()
    {
        QVERIFY(!parseRequestHead("GET / HTTP/1.0\r\nHost: a", 100).head.keepAlive);
        QVERIFY(parseRequestHead("GET / HTTP/1.0\r\nConnection: keep-alive", 100).head.keepAlive);
        QVERIFY(!parseRequestHead("GET / HTTP/1.1\r\nConnection: close", 100).head.keepAlive);
        QVERIFY(
            !parseRequestHead("GET / HTTP/1.1\r\nConnection: Upgrade, Close", 100).head.keepAlive);
        QVERIFY(parseRequestHead("GET / HTTP/1.1\r\nConnection: closed", 100).head.keepAlive);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<V>("verdict");
        QTest::newRow("plus length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: +3") << V::BadRequest;
        QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1") << V::BadRequest;
        QTest::newRow("list length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3 ,3") << V::BadRequest;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4")
            << V::BadRequest;
        QTest::newRow("space before colon")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length : 3") << V::BadRequest;
        QTest::newRow("same length twice")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3")
            << V::BadRequest;
        QTest::newRow("empty length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: ") << V::BadRequest;
        QTest::newRow("hex length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 0x3") << V::BadRequest;
        QTest::newRow("gzip encoding")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip") << V::BadRequest;
        QTest::newRow("encoding list")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked") << V::BadRequest;
        QTest::newRow("chunked twice")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                          "Transfer-Encoding: chunked")
            << V::BadRequest;
        QTest::newRow("chunked with space")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked ;") << V::BadRequest;
        QTest::newRow("length and chunked")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked")
            << V::BadRequest;
        QTest::newRow("chunked and length")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3")
            << V::BadRequest;
        QTest::newRow("chunked in 1.0")
            << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked") << V::BadRequest;
        QTest::newRow("two hosts")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b") << V::BadRequest;
        QTest::newRow("NUL in value")
            << QByteArray("GET / HTTP/1.1\r\nX-A: a\0b", 24) << V::BadRequest;
        QTest::newRow("space in name") << QByteArray("GET / HTTP/1.1\r\nX A: b") << V::BadRequest;
        QTest::newRow("empty name") << QByteArray("GET / HTTP/1.1\r\n: b") << V::BadRequest;
        QTest::newRow("tab before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost\t: b") << V::BadRequest;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1") << V::BadRequest;
        QTest::newRow("control in target") << QByteArray("GET /a\x01b HTTP/1.1") << V::BadRequest;
        QTest::newRow("http/0.9") << QByteArray("GET / HTTP/0.9") << V::VersionNotSupported;
        QTest::newRow("http/3") << QByteArray("GET / HTTP/3") << V::VersionNotSupported;
        QTest::newRow("lower-case version") << QByteArray("GET / http/1.1") << V::BadRequest;
        QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  folded")
                                  << V::BadRequest;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a") << V::BadRequest;
        QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\rHost: a") << V::BadRequest;
        QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0") << V::VersionNotSupported;
        QTest::newRow("no version") << QByteArray("GET /") << V::BadRequest;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1") << V::BadRequest;
        QTest::newRow("odd expect")
            << QByteArray("GET / HTTP/1.1\r\nExpect: magic") << V::BadRequest;
    }
    void rejects()
    {
        QFETCH(QByteArray, head);
        QFETCH(V, verdict);
        QCOMPARE(parseRequestHead(head, 100).verdict, verdict);
    }

    void tooManyFields()
    {
        QByteArray head = "GET / HTTP/1.1";
        for (int i = 0; i < 101; ++i)
            head += "\r\nX-" + QByteArray::number(i) + ": v";
        QCOMPARE(parseRequestHead(head, 100).verdict, V::TooLarge);
    }
};

QTEST_GUILESS_MAIN(TestRequestHead)
#include "tst_requesthead.moc"
