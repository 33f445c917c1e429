#include "ApiClient.h"
#include "FakeUpstream.h"
#include "FreePorts.h"
#include "HearthProcess.h"
#include "RequireTool.h"
#include "TestServer.h"

#include "security/SelfSignedCertificate.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslCertificate>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <unistd.h>

// Debian's Nginx with the project's docker/nginx/hearth.conf (its upstream,
// ports and certificate paths pointed at this test) in front of a real
// hearth-server: HTTPS, the HTTP redirect, security headers, the body limit,
// and a streamed reply whose first delta comes through while the model is
// still producing (proxy_buffering off).
class TestNginxFront final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    QTemporaryDir m_dir;
    std::unique_ptr<HearthProcess> m_hearth;
    QProcess m_nginx;
    QString m_https, m_http, m_fingerprint;

    std::unique_ptr<ApiClient> client() const
    {
        auto c = std::make_unique<ApiClient>(m_https);
        c->pinnedSha256 = m_fingerprint;
        return c;
    }

private slots:
    void initTestCase()
    {
        const QString nginx = QStandardPaths::findExecutable(
            QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        HEARTH_REQUIRE_TOOL(
            !nginx.isEmpty(),
            "nginx is not installed (scripts/install-deps.sh test installs nginx-light)");
        // hearth-server, plain HTTP on loopback, as behind the proxy.
        m_hearth = std::make_unique<HearthProcess>(
            QStringLiteral(HEARTH_SERVER_BINARY),
            HearthProcess::chatEnv(m_upstream.baseUrl()) +
                HearthProcess::Env{
                    {QStringLiteral("HEARTH_TRUSTED_PROXIES"), QStringLiteral("127.0.0.1")}});
        const QString hearthUrl = m_hearth->waitUntilServing();
        QVERIFY(!hearthUrl.isEmpty());
        const QString hearthPort = QString::number(QUrl(hearthUrl).port());

        // The project's site configuration, pointed at this test.
        QString error;
        const auto cert = hearth::SelfSignedCertificate::ensure(
            m_dir.filePath(QStringLiteral("certs")), {}, &error);
        QVERIFY2(cert, qPrintable(error));
        m_fingerprint = ApiClient::fingerprintOf(QSslCertificate::fromPath(cert->certPath).first());
        QFile site(QStringLiteral(HEARTH_NGINX_SITE));
        QVERIFY(site.open(QIODevice::ReadOnly));
        QString conf = QString::fromUtf8(site.readAll());
        const QList<quint16> ports = freePorts(2);
        QCOMPARE(ports.size(), 2);
        const quint16 httpPort = ports[0], httpsPort = ports[1];
        for (const auto &[from, to] : QList<QPair<QString, QString>>{
                 {QStringLiteral("server hearth:8080;"),
                  QStringLiteral("server 127.0.0.1:%1;").arg(hearthPort)},
                 {QStringLiteral("listen 80;"),
                  QStringLiteral("listen 127.0.0.1:%1;").arg(httpPort)},
                 {QStringLiteral("listen 443 ssl http2;"),
                  QStringLiteral("listen 127.0.0.1:%1 ssl http2;").arg(httpsPort)},
                 {QStringLiteral("/etc/nginx/certs/fullchain.pem"), cert->certPath},
                 {QStringLiteral("/etc/nginx/certs/privkey.pem"), cert->keyPath}}) {
            QVERIFY2(conf.contains(from), qPrintable(from));
            conf.replace(from, to);
        }
        const QString prefix = m_dir.filePath(QStringLiteral("nginx"));
        QVERIFY(QDir().mkpath(prefix + QStringLiteral("/logs")));
        QFile siteCopy(prefix + QStringLiteral("/hearth.conf"));
        QVERIFY(siteCopy.open(QIODevice::WriteOnly));
        siteCopy.write(conf.toUtf8());
        siteCopy.close();
        QFile main(prefix + QStringLiteral("/nginx.conf"));
        QVERIFY(main.open(QIODevice::WriteOnly));
        main.write(
            QStringLiteral("%1daemon off;\nworker_processes 1;\npid %2/nginx.pid;\n"
                           "error_log %2/logs/error.log;\nevents {}\nhttp {\n"
                           "  access_log off;\n  client_body_temp_path %2/body;\n"
                           "  proxy_temp_path %2/proxy;\n  fastcgi_temp_path %2/fastcgi;\n"
                           "  uwsgi_temp_path %2/uwsgi;\n  scgi_temp_path %2/scgi;\n"
                           "  include %2/hearth.conf;\n}\n")
                .arg(::geteuid() == 0 ? QStringLiteral("user root root;\n") : QString(), prefix)
                .toUtf8());
        main.close();
        m_nginx.setProcessChannelMode(QProcess::ForwardedChannels);
        m_nginx.start(nginx, {QStringLiteral("-p"), prefix, QStringLiteral("-c"),
                              prefix + QStringLiteral("/nginx.conf")});
        m_https = QStringLiteral("https://127.0.0.1:%1").arg(httpsPort);
        m_http = QStringLiteral("http://127.0.0.1:%1").arg(httpPort);
        // Nginx that refuses its configuration exits at once: stop waiting then.
        QTRY_VERIFY_WITH_TIMEOUT(m_nginx.state() == QProcess::NotRunning ||
                                     client()->get(QStringLiteral("/health")).status == 200,
                                 20000);
        QVERIFY2(m_nginx.state() == QProcess::Running, "nginx exited; its message is above");
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            QSignalSpy finished(&m_nginx, &QProcess::finished);
            m_nginx.terminate();
            if (!finished.wait(20000))
                m_nginx.kill();
        }
        m_hearth.reset();
    }

    void httpsWithHeadersAndRedirect()
    {
        const ApiReply health = client()->get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QVERIFY(health.header("Strict-Transport-Security").contains("max-age="));
        QCOMPARE(health.header("X-Frame-Options"), QByteArray("DENY"));
        const ApiReply plain = ApiClient(m_http).get(QStringLiteral("/health"));
        QCOMPARE(plain.status, 301);
        QVERIFY(plain.header("Location").startsWith("https://"));
        // Nginx's own limit stops an oversized body before Hearth sees it.
        QCOMPARE(client()
                     ->request("POST", QStringLiteral("/v1/auth/login"), QByteArray(5 << 20, 'x'),
                               {{"Content-Type", "application/json"}})
                     .status,
                 413);
    }

    // The web client through the proxy: its page with its own CSP, Hearth's
    // gzip twins passed through, and a session cookie marked Secure (the
    // proxy says the browser came over HTTPS) that renews from the page's
    // own origin, port included.
    void webClientBehindTheProxy()
    {
        const ApiReply page =
            client()->request("GET", QStringLiteral("/"), {}, {{"Accept", "text/html"}});
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.header("Content-Security-Policy").contains("script-src 'self'"));
        QVERIFY(page.header("Strict-Transport-Security").contains("max-age="));
        const ApiReply script = client()->request("GET", QStringLiteral("/js/main.js"), {},
                                                  {{"Accept-Encoding", "gzip"}});
        QCOMPARE(script.status, 200);
        QCOMPARE(script.header("Content-Encoding"), QByteArray("gzip"));

        const QByteArray credentials =
            QJsonDocument(QJsonObject{{QStringLiteral("email"), TestServer::adminEmail},
                                      {QStringLiteral("password"), TestServer::adminPassword}})
                .toJson(QJsonDocument::Compact);
        const ApiReply login = client()->request(
            "POST", QStringLiteral("/v1/auth/login"), credentials,
            {{"Content-Type", "application/json"}, {"X-Hearth-Session", "cookie"}});
        QCOMPARE(login.status, 200);
        const QByteArray setCookie = login.header("Set-Cookie");
        QVERIFY2(setCookie.contains("; Secure") && setCookie.contains("; HttpOnly"),
                 setCookie.constData());
        const QByteArray cookie = setCookie.left(setCookie.indexOf(';'));
        const ApiReply renewed = client()->request(
            "POST", QStringLiteral("/v1/auth/refresh"), {},
            {{"Cookie", cookie}, {"Origin", m_https.toLatin1()}, {"X-Hearth-Session", "cookie"}});
        QVERIFY2(renewed.status == 200, renewed.body.constData());
        QVERIFY(!renewed.json().value(QLatin1String("accessToken")).toString().isEmpty());
    }

    // Attachments pass Nginx's 4 MB limit for everything else.
    void largeUploadsGoThrough()
    {
        const auto c = client();
        c->login(TestServer::adminEmail, TestServer::adminPassword);
        const QByteArray notes = QByteArray("a line of notes\n").repeated(6 * 65536); // 6 MiB
        const ApiReply stored =
            c->request("POST", QStringLiteral("/v1/attachments?name=notes.txt"), notes, {});
        QVERIFY2(stored.status == 201, stored.body.constData());
        QCOMPARE(stored.json().value(QLatin1String("size")).toInteger(), notes.size());
    }

    void streamedDeltasAreNotHeldBack()
    {
        const auto owned = client();
        ApiClient &c = *owned;
        c.login(TestServer::adminEmail, TestServer::adminPassword);
        QSignalSpy gate(&m_upstream, &FakeUpstream::gateReached);
        const int finishedBefore = m_upstream.finishedStreams;
        QNetworkReply *reply = c.startMessageStream(c.createConversation(), QStringLiteral("go"),
                                                    QStringLiteral("fake-gated"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QVERIFY(gate.wait(10000));
        // Through the proxy while the model is still producing.
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\"delta\":\"First\""), 10000);
        QCOMPARE(m_upstream.finishedStreams, finishedBefore);
        m_upstream.releaseGate();
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        received += reply->readAll();
        QCOMPARE(parseSseBlocks(received).last().event, QStringLiteral("message.done"));
        reply->deleteLater();
    }
};

QTEST_MAIN(TestNginxFront)
#include "tst_nginx_front.moc"
