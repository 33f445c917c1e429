#include "ApiClient.h"
#include "FreePorts.h"
#include "TestServer.h"

#include "DesktopServer.h"
#include "SingleInstance.h"
#include "app/SharingBox.h"

#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace hearth;

// The desktop's embedded server on its own thread, as the app runs it,
// shared on the network and taken back while it runs.
class TestDesktopSharing final : public QObject
{
    Q_OBJECT
    TestServer m_defaults; // the tests' configuration and data folder; not started
    QThread m_thread;
    DesktopServer *m_server = nullptr;
    QString m_baseUrl;

    static int healthStatus(const QString &baseUrl, const QString &pinned = {})
    {
        ApiClient client(baseUrl);
        client.pinnedSha256 = pinned;
        return client.get(QStringLiteral("/health")).status;
    }

private slots:
    void initTestCase()
    {
        ServerConfig config = m_defaults.config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = 0;
        m_server = new DesktopServer(config);
        m_server->moveToThread(&m_thread);
        connect(&m_thread, &QThread::started, m_server, &DesktopServer::start);
        connect(m_server, &DesktopServer::stopped, &m_thread, &QThread::quit, Qt::DirectConnection);
        QSignalSpy ready(m_server, &DesktopServer::ready);
        m_thread.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        m_baseUrl = ready.first().first().toString();
        QCOMPARE(healthStatus(m_baseUrl), 200);
    }
    void cleanupTestCase()
    {
        QMetaObject::invokeMethod(m_server, &DesktopServer::stop);
        QVERIFY(m_thread.wait(20000));
        delete m_server;
    }

    void theOwnerHasNoPasswordToGuess()
    {
        // The app signs its owner in itself; no password signs in as the
        // owner (the stored marker is too short to be one).
        ApiClient client(m_baseUrl);
        for (const QString &password :
             {QStringLiteral("!locked!"), QStringLiteral("owner-password")}) {
            const ApiReply reply =
                client.post(QStringLiteral("/v1/auth/login"),
                            {{QStringLiteral("email"), QStringLiteral("owner@hearth.local")},
                             {QStringLiteral("password"), password}});
            QCOMPARE(reply.status, 401);
        }
    }

    void shareOnTheNetworkAndTakeItBack()
    {
        const quint16 port = freePorts(1, QHostAddress(QHostAddress::Any)).value(0);
        QVERIFY(port != 0);
        QSignalSpy changed(m_server, &DesktopServer::sharingChanged);
        QMetaObject::invokeMethod(m_server, [this, port] { m_server->share(true, port); });
        // Emitted on the server's thread: count, rather than wait on the spy.
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
        QCOMPARE(changed.last().at(0).toBool(), true);
        QCOMPARE(changed.last().at(1).toInt(), int(port));
        QCOMPARE(changed.last().at(3).toString(), QString());
        // The network gets HTTPS with this machine's certificate.
        const QString sharedUrl = changed.last().at(2).toString();
        const QString fingerprint = changed.last().at(4).toString();
        QCOMPARE(sharedUrl, QStringLiteral("https://127.0.0.1:%1").arg(port));
        QVERIFY(fingerprint.size() == 95);                   // 32 bytes as "AB:CD:…"
        QCOMPARE(healthStatus(sharedUrl), 0);                // an unknown certificate is refused…
        QCOMPARE(healthStatus(sharedUrl, fingerprint), 200); // …a pinned one is not
        // Every address the settings page offers answers.
        for (const QString &url : ui::SharingBox::networkUrls(port, QStringLiteral("https")))
            QCOMPARE(healthStatus(url, fingerprint), 200);
        // The old, private address no longer accepts.
        QCOMPARE(healthStatus(m_baseUrl), 0);

        QMetaObject::invokeMethod(m_server, [this] { m_server->share(false, 0); });
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 10000);
        QCOMPARE(changed.last().at(0).toBool(), false);
        const QString privateUrl = changed.last().at(2).toString();
        QVERIFY(privateUrl.startsWith(QLatin1String("http://127.0.0.1:")));
        QCOMPARE(changed.last().at(4).toString(), QString());
        QCOMPARE(healthStatus(privateUrl), 200);
        QCOMPARE(healthStatus(sharedUrl, fingerprint), 0);
        for (const QString &url : ui::SharingBox::networkUrls(port, QStringLiteral("https")))
            QCOMPARE(healthStatus(url, fingerprint), 0);
        m_baseUrl = privateUrl;
    }

    void aSecondLaunchActivatesTheFirst()
    {
        QTemporaryDir data;
        SingleInstance first(data.path());
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &SingleInstance::activationRequested);
        SingleInstance second(data.path());
        QVERIFY(!second.claim());
        QVERIFY(activated.wait(10000));
        // Another data folder is another app.
        QTemporaryDir other;
        SingleInstance elsewhere(other.path());
        QVERIFY(elsewhere.claim());
    }

    void aTakenPortIsReportedAndNothingMoves()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::Any, 0));
        QSignalSpy changed(m_server, &DesktopServer::sharingChanged);
        const quint16 taken = squatter.serverPort();
        QMetaObject::invokeMethod(m_server, [this, taken] { m_server->share(true, taken); });
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
        QCOMPARE(changed.last().at(0).toBool(), false);
        QVERIFY(!changed.last().at(3).toString().isEmpty());
        QCOMPARE(changed.last().at(2).toString(), m_baseUrl);
        QCOMPARE(healthStatus(m_baseUrl), 200);
    }
};

QTEST_MAIN(TestDesktopSharing)
#include "tst_desktop_sharing.moc"
