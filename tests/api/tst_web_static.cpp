// The web client's files as the server serves them at /: types, caching,
// revalidation, gzip, client routes, the pages' own CSP — and the API's
// paths, missing assets and other methods left to the API's JSON. The
// files here are a stand-in site compiled into this test at :/web.
#include "ApiClient.h"
#include "RawClient.h"
#include "TestServer.h"

#include <QtCore/QFile>
#include <QtTest/QTest>

#include <zlib.h>

namespace {

QByteArray gunzip(const QByteArray &data)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

QByteArray resource(const QString &path)
{
    QFile file(QStringLiteral(":/web") + path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The status code of a raw exchange on `port`.
int rawStatus(quint16 port, const QByteArray &request, QByteArray *received = nullptr)
{
    RawClient raw(port);
    if (!raw.connected())
        return -1;
    raw.send(request);
    raw.waitForClose();
    if (received)
        *received = raw.received;
    return raw.received.mid(9, 3).toInt();
}

} // namespace

class TestWebStatic final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<ApiClient> m_browser;

    ApiReply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_browser->request("GET", path, {}, headers);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!resource(QStringLiteral("/index.html")).isEmpty());
        QVERIFY(m_server.start());
        m_browser = std::make_unique<ApiClient>(m_server.baseUrl());
    }

    void theRootIsThePageWithItsOwnPolicy()
    {
        const ApiReply page = get(QStringLiteral("/"));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body, resource(QStringLiteral("/index.html")));
        QCOMPARE(page.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        const QByteArray policy = page.header("Content-Security-Policy");
        QVERIFY(policy.contains("script-src 'self';"));
        QVERIFY(policy.contains("frame-ancestors 'none'"));
        QVERIFY(!policy.contains("unsafe-eval"));
        const QByteArray scripts = policy.mid(policy.indexOf("script-src"));
        QVERIFY(!scripts.left(scripts.indexOf(';')).contains("unsafe-inline"));
        QCOMPARE(page.header("Cache-Control"), QByteArray("no-cache"));
        QCOMPARE(page.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(!page.header("ETag").isEmpty());
        // The API keeps its own strict policy.
        const ApiReply api = get(QStringLiteral("/health"));
        QCOMPARE(api.header("Content-Security-Policy"),
                 QByteArray("default-src 'none'; frame-ancestors 'none'"));
        QCOMPARE(api.header("Cache-Control"), QByteArray("no-store"));
    }

    void clientRoutesGetThePage_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("a chat") << "/chat/0190a1b2-c3d4";
        QTest::newRow("admin") << "/admin/users";
        QTest::newRow("trailing slash") << "/usage/";
    }

    void clientRoutesGetThePage()
    {
        QFETCH(QString, path);
        const ApiReply page = get(path);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body, resource(QStringLiteral("/index.html")));
        QCOMPARE(page.header("Cache-Control"), QByteArray("no-cache"));
    }

    void assetsHaveTheirTypesAndCaching()
    {
        ApiReply script = get(QStringLiteral("/assets/app-0123abcd.js"));
        QCOMPARE(script.status, 200);
        QCOMPARE(script.header("Content-Type"), QByteArray("text/javascript; charset=utf-8"));
        QCOMPARE(script.header("Cache-Control"), QByteArray("public, max-age=31536000, immutable"));
        QCOMPARE(script.body, resource(QStringLiteral("/assets/app-0123abcd.js")));
        const ApiReply manifest = get(QStringLiteral("/manifest.webmanifest"));
        QCOMPARE(manifest.header("Content-Type"), QByteArray("application/manifest+json"));
        QCOMPARE(manifest.header("Cache-Control"), QByteArray("no-cache"));
    }

    void anUnchangedFileIsNotSentAgain()
    {
        const ApiReply first = get(QStringLiteral("/assets/style.css"));
        const QByteArray etag = first.header("ETag");
        QVERIFY(etag.startsWith('"'));
        const ApiReply again = get(QStringLiteral("/assets/style.css"), {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);
        const ApiReply changed =
            get(QStringLiteral("/assets/style.css"), {{"If-None-Match", "\"other\""}});
        QCOMPARE(changed.status, 200);
    }

    void browsersThatAcceptGzipGetItCompressed()
    {
        const QByteArray original = resource(QStringLiteral("/assets/style.css"));
        QVERIFY(original.size() > 4096);
        const ApiReply zipped =
            get(QStringLiteral("/assets/style.css"), {{"Accept-Encoding", "br, gzip;q=0.9"}});
        QCOMPARE(zipped.header("Content-Encoding"), QByteArray("gzip"));
        QVERIFY(zipped.header("Vary").contains("Accept-Encoding"));
        QVERIFY(zipped.body.size() < original.size() / 3);
        QCOMPARE(gunzip(zipped.body), original);
        const ApiReply plain =
            get(QStringLiteral("/assets/style.css"), {{"Accept-Encoding", "identity"}});
        QVERIFY(plain.header("Content-Encoding").isEmpty());
        QCOMPARE(plain.body, original);
    }

    void aTwinMadeAtBuildTimeIsServedAsItIs()
    {
        const QByteArray original = resource(QStringLiteral("/assets/prebuilt.js"));
        const QByteArray twin = resource(QStringLiteral("/assets/prebuilt.js.gz"));
        QVERIFY(original.size() > 1024);
        QVERIFY(!twin.isEmpty());
        const ApiReply zipped =
            get(QStringLiteral("/assets/prebuilt.js"), {{"Accept-Encoding", "gzip"}});
        QCOMPARE(zipped.header("Content-Encoding"), QByteArray("gzip"));
        QCOMPARE(zipped.body, twin); // gzip -1: not what the server would make
        QCOMPARE(gunzip(zipped.body), original);
        QCOMPARE(get(QStringLiteral("/assets/prebuilt.js")).body, original);
    }

    void headAnswersWithoutABody()
    {
        QByteArray received;
        QCOMPARE(rawStatus(quint16(QUrl(m_server.baseUrl()).port()),
                           "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", &received),
                 200);
        QVERIFY(received.contains(
            "Content-Length: " +
            QByteArray::number(resource(QStringLiteral("/index.html")).size()) + "\r\n"));
        QVERIFY(received.endsWith("\r\n\r\n"));
    }

    void whatIsNotTheSiteStaysTheApis_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("a missing asset") << QByteArray("GET /assets/gone-89abcdef.js") << 404;
        QTest::newRow("an unknown API route") << QByteArray("GET /v1/nothing/here") << 404;
        QTest::newRow("the API's root") << QByteArray("GET /v1") << 404;
        QTest::newRow("POST to a page") << QByteArray("POST /chat") << 404;
        QTest::newRow("out of the site") << QByteArray("GET /assets/../../api/openapi.json") << 404;
        QTest::newRow("encoded dots") << QByteArray("GET /%2e%2e/api/openapi.json") << 404;
    }

    void whatIsNotTheSiteStaysTheApis()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QByteArray received;
        QCOMPARE(rawStatus(quint16(QUrl(m_server.baseUrl()).port()),
                           request + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                                     "Connection: close\r\n\r\n",
                           &received),
                 status);
        QVERIFY2(received.contains("Content-Type: application/json"), received.constData());
        QVERIFY(!received.contains("Hearth test site"));
    }

    void theSiteCanBeSwitchedOff()
    {
        TestServer apiOnly;
        apiOnly.config.webEnabled = false;
        QVERIFY(apiOnly.start());
        ApiClient browser(apiOnly.baseUrl());
        const ApiReply root = browser.get(QStringLiteral("/"));
        QCOMPARE(root.status, 404);
        QCOMPARE(root.code(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(browser.get(QStringLiteral("/health")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestWebStatic)
#include "tst_web_static.moc"
