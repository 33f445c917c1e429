#include "ApiClient.h"
#include "FreePorts.h"
#include "TestServer.h"

#include "http/HttpsRedirect.h"
#include "security/SelfSignedCertificate.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

// HTTPS without a proxy (the LAN case): a self-signed certificate made for
// this machine or the one given in HEARTH_TLS_CERT/KEY, TLS 1.2 or newer
// only, and the certificate's SHA-256 on /health for clients to pin.
class TestTlsApi final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The TLS handshake alone, with a given protocol; the certificate on success.
    static std::optional<QSslCertificate> handshake(quint16 port, QSsl::SslProtocol protocol)
    {
        QSslSocket socket;
        QSslConfiguration config = socket.sslConfiguration();
        config.setProtocol(protocol);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket.setSslConfiguration(config);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        QSignalSpy failed(&socket, &QSslSocket::errorOccurred);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        if (!QTest::qWaitFor([&] { return encrypted.count() > 0 || failed.count() > 0; }, 10000) ||
            encrypted.isEmpty())
            return std::nullopt;
        return socket.peerCertificate();
    }

private slots:
    void aSelfSignedCertificateServesHttpsAndIsPinnable()
    {
        TestServer server;
        server.config.tlsMode = QStringLiteral("self-signed");
        QVERIFY(server.start());
        QVERIFY(server.baseUrl().startsWith(QLatin1String("https://127.0.0.1:")));
        const quint16 port = quint16(QUrl(server.baseUrl()).port());
        const auto cert = handshake(port, QSsl::TlsV1_2OrLater);
        QVERIFY(cert);
        const auto names = cert->subjectAlternativeNames();
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));

        // Without the pin: refused like any unknown certificate.
        ApiClient stranger(server.baseUrl());
        const ApiReply refused = stranger.get(QStringLiteral("/health"));
        QCOMPARE(refused.status, 0);
        QVERIFY(refused.error != QNetworkReply::NoError);
        // Pinned: the API, and /health names the same certificate.
        ApiClient pinned(server.baseUrl());
        pinned.pinnedSha256 = ApiClient::fingerprintOf(*cert);
        const ApiReply health = pinned.get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QLatin1String("tlsFingerprint")).toString(),
                 ApiClient::fingerprintOf(*cert));
        pinned.login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(pinned.get(QStringLiteral("/v1/me")).status, 200);

        // The key is its owner's alone; TLS 1.2 and 1.3 only.
        const QFile::Permissions key =
            QFile::permissions(QDir(server.config.dataDir).filePath(QStringLiteral("tls/key.pem")));
        QVERIFY(key & QFile::ReadOwner);
        QVERIFY(!(key & (QFile::ReadGroup | QFile::ReadOther)));
        QVERIFY(handshake(port, QSsl::TlsV1_2));
        QVERIFY(handshake(port, QSsl::TlsV1_3));
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
        QVERIFY(!handshake(port, QSsl::TlsV1_1));
        QT_WARNING_POP
    }

    void aRedirectPortSendsBrowsersToHttps()
    {
        // Both ports chosen up front: a server on port 0 could otherwise be
        // handed the redirect's port.
        const QList<quint16> ports = freePorts(2);
        QCOMPARE(ports.size(), 2);
        const quint16 redirectPort = ports[1];
        TestServer server;
        server.config.port = ports[0];
        server.config.tlsMode = QStringLiteral("self-signed");
        server.config.tlsRedirectPort = redirectPort;
        QVERIFY(server.start());
        const ApiReply moved = ApiClient(QStringLiteral("http://127.0.0.1:%1").arg(redirectPort))
                                   .get(QStringLiteral("/v1/models?x=1"));
        QCOMPARE(moved.status, 301);
        QCOMPARE(QString::fromLatin1(moved.header("Location")),
                 server.baseUrl() + QStringLiteral("/v1/models?x=1"));
        // A forged Host cannot smuggle a header or send the browser elsewhere.
        QCOMPARE(hearth::HttpsRedirect::location("GET /a HTTP/1.1\r\nHost: evil.example\r\n "
                                                 "x\r\n\r\n",
                                                 443),
                 QByteArray("https://evil.example:443/a"));
        QCOMPARE(hearth::HttpsRedirect::location("GET /a HTTP/1.1\r\nHost: a\"b\r\n\r\n", 8443),
                 QByteArray("https://localhost:8443/a"));
    }

    void plainHttpToTheTlsPortGetsNoAnswer()
    {
        TestServer server;
        server.config.tlsMode = QStringLiteral("self-signed");
        QVERIFY(server.start());
        QTcpSocket socket;
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(QUrl(server.baseUrl()).port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(closed.wait(10000));
        QVERIFY(!socket.readAll().contains("200"));
    }

    void theCertificateIsMadeOnceAndKept()
    {
        QString error;
        const auto first = hearth::SelfSignedCertificate::ensure(
            m_dir.filePath(QStringLiteral("kept")), {QStringLiteral("192.0.2.7")}, &error);
        QVERIFY2(first, qPrintable(error));
        const QList<QSslCertificate> made = QSslCertificate::fromPath(first->certPath);
        QCOMPARE(made.size(), 1);
        QVERIFY(made.first()
                    .subjectAlternativeNames()
                    .values(QSsl::IpAddressEntry)
                    .contains(QStringLiteral("192.0.2.7")));
        QVERIFY(made.first().expiryDate() > QDateTime::currentDateTime().addYears(9));
        const auto again = hearth::SelfSignedCertificate::ensure(
            m_dir.filePath(QStringLiteral("kept")), {}, &error);
        QVERIFY(again);
        QCOMPARE(QSslCertificate::fromPath(again->certPath).first(), made.first());
    }

    void aGivenCertificateIsUsed()
    {
        QString error;
        const auto files = hearth::SelfSignedCertificate::ensure(
            m_dir.filePath(QStringLiteral("given")), {}, &error);
        QVERIFY(files);
        TestServer server;
        server.config.tlsCert = files->certPath;
        server.config.tlsKey = files->keyPath;
        QVERIFY(server.start());
        const auto cert = handshake(quint16(QUrl(server.baseUrl()).port()), QSsl::TlsV1_2OrLater);
        QVERIFY(cert);
        QCOMPARE(*cert, QSslCertificate::fromPath(files->certPath).first());
    }

    void badSettingsStopTheStart()
    {
        TestServer onlyCert;
        onlyCert.config.tlsCert = m_dir.filePath(QStringLiteral("given/cert.pem"));
        QVERIFY(!onlyCert.start());
        TestServer unknown;
        unknown.config.tlsMode = QStringLiteral("sometimes");
        QVERIFY(!unknown.start());
        TestServer missing;
        missing.config.tlsCert = m_dir.filePath(QStringLiteral("nowhere.pem"));
        missing.config.tlsKey = m_dir.filePath(QStringLiteral("nowhere.key"));
        QVERIFY(!missing.start());
    }
};

QTEST_MAIN(TestTlsApi)
#include "tst_tls_api.moc"
