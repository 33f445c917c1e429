#include "ApiClient.h"
#include "DesktopServer.h"
#include "FakeUpstream.h"
#include "FreePorts.h"
#include "HearthProcess.h"
#include "RequireTool.h"
#include "TestServer.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

// The web client in a real browser: Debian's Chromium driven by
// playwright-core (tests/web/web_client_check.mjs) against a real
// hearth-server relaying to the fake provider in this process, and
// against the desktop's embedded server shared over HTTPS.
class TestWebClient final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    QString m_node, m_chromium;

    struct Run
    {
        int exitCode = -1;
        QByteArray output;
    };
    // Runs node while this event loop (the fake provider) keeps going.
    Run run(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(QStringLiteral(HEARTH_WEB_CHECK_DIR));
        QByteArray output;
        connect(&process, &QProcess::readyRead, &process, [&] {
            const QByteArray more = process.readAll();
            output += more;
            fputs(more.constData(), stdout); // progress while it runs
        });
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(args.first(), args.mid(1));
        if (!finished.wait(timeoutMs))
            process.kill();
        output += process.readAll();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, output};
    }

    QProcessEnvironment scriptEnv(const QString &mode) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HEARTH_CHROMIUM"), m_chromium);
        env.insert(QStringLiteral("HEARTH_UPSTREAM_URL"), m_upstream.baseUrl());
        env.insert(QStringLiteral("HEARTH_ADMIN_EMAIL"), TestServer::adminEmail);
        env.insert(QStringLiteral("HEARTH_ADMIN_PASSWORD"), TestServer::adminPassword);
        env.insert(QStringLiteral("HEARTH_CHECK_MODE"), mode);
        env.insert(QStringLiteral("HEARTH_SCREENSHOTS"),
                   QStringLiteral(HEARTH_WEB_CHECK_DIR "/screenshots"));
        return env;
    }

private slots:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        HEARTH_REQUIRE_TOOL(!m_node.isEmpty() && !npm.isEmpty(),
                            "node and npm are not installed (scripts/install-deps.sh test)");
        HEARTH_REQUIRE_TOOL(!m_chromium.isEmpty(),
                            "Debian's chromium is not installed (scripts/install-deps.sh test)");
        if (!QDir(QStringLiteral(HEARTH_WEB_CHECK_DIR "/node_modules/playwright-core")).exists()) {
            const Run install = run({npm, QStringLiteral("ci"), QStringLiteral("--no-audit"),
                                     QStringLiteral("--no-fund"), QStringLiteral("--silent")},
                                    QProcessEnvironment::systemEnvironment(), 240000);
            if (install.exitCode != 0)
                QSKIP(qPrintable(QStringLiteral("could not install playwright-core from npm: ") +
                                 QString::fromUtf8(install.output.right(300))));
        }
    }

    // Sign-in, streaming, Stop, reload, token expiry, a second user, the
    // XSS reply, the rate-limit countdown and the screenshots.
    void theClientWorksInChromium()
    {
        HearthProcess::Env env = HearthProcess::chatEnv(m_upstream.baseUrl());
        // The script sets the limit itself (through the admin API).
        env.removeIf(
            [](const auto &e) { return e.first == QLatin1String("HEARTH_CHAT_RATE_LIMIT"); });
        env.append({QStringLiteral("JWT_ACCESS_EXPIRE"), QStringLiteral("30")});
        env.append({QStringLiteral("HEARTH_ACCESS_LOG"), QStringLiteral("off")});
        HearthProcess server(QStringLiteral(HEARTH_SERVER_BINARY), env);
        const QString url = server.waitUntilServing();
        QVERIFY(!url.isEmpty());
        QProcessEnvironment scriptEnvironment = scriptEnv(QStringLiteral("full"));
        scriptEnvironment.insert(QStringLiteral("HEARTH_URL"), url);
        const Run check =
            run({m_node, QStringLiteral("web_client_check.mjs")}, scriptEnvironment, 420000);
        QVERIFY2(check.exitCode == 0, check.output.right(4000).constData());
        QVERIFY(check.output.contains("web client: all checks passed"));
        // Stop really stopped the provider's stream.
        QVERIFY(m_upstream.clientDisconnects >= 1);
    }

    // Figures for tests/bench/README.md (ctest -L bench): printed, never
    // asserted; skipped unless HEARTH_WEB_BENCH is set.
    void figures()
    {
        if (qEnvironmentVariableIsEmpty("HEARTH_WEB_BENCH"))
            QSKIP("a benchmark: ctest --test-dir build -L bench -R web --verbose");
        HearthProcess::Env env = HearthProcess::chatEnv(m_upstream.baseUrl());
        env.append({QStringLiteral("HEARTH_ACCESS_LOG"), QStringLiteral("off")});
        HearthProcess server(QStringLiteral(HEARTH_SERVER_BINARY), env);
        const QString url = server.waitUntilServing();
        QVERIFY(!url.isEmpty());
        QProcessEnvironment scriptEnvironment = scriptEnv(QStringLiteral("bench"));
        scriptEnvironment.insert(QStringLiteral("HEARTH_URL"), url);
        scriptEnvironment.insert(QStringLiteral("HEARTH_SERVER_PID"),
                                 QString::number(server.process().processId()));
        const Run check =
            run({m_node, QStringLiteral("web_client_check.mjs")}, scriptEnvironment, 900000);
        QVERIFY2(check.exitCode == 0, check.output.right(4000).constData());
        QVERIFY(check.output.contains("web client figures: done"));
    }

    // The desktop's embedded server, shared on the network, serves the
    // client over HTTPS with its own certificate; the browser trusts it by
    // its public key's fingerprint, as a person accepting it once would.
    void theDesktopsSharedServerServesItOverHttps()
    {
        TestServer defaults; // the tests' configuration and data folder; not started
        hearth::ServerConfig config = defaults.config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = 0;
        config.providers = {{m_upstream.baseUrl(), QString()}};
        QThread thread;
        auto *server = new hearth::DesktopServer(config);
        server->moveToThread(&thread);
        connect(&thread, &QThread::started, server, &hearth::DesktopServer::start);
        connect(server, &hearth::DesktopServer::stopped, &thread, &QThread::quit,
                Qt::DirectConnection);
        QSignalSpy ready(server, &hearth::DesktopServer::ready);
        thread.start();
        QVERIFY(ready.wait(20000));
        const QJsonObject owner = ready.first().at(1).toJsonObject();

        const quint16 port = freePorts(1, QHostAddress(QHostAddress::Any)).value(0);
        QVERIFY(port != 0);
        QSignalSpy changed(server, &hearth::DesktopServer::sharingChanged);
        QMetaObject::invokeMethod(server, [server, port] { server->share(true, port); });
        QVERIFY(changed.wait(20000));
        QVERIFY2(changed.last().at(0).toBool(), qPrintable(changed.last().at(3).toString()));
        const QString sharedUrl = changed.last().at(2).toString();
        QVERIFY(sharedUrl.startsWith(QLatin1String("https://")));

        // A person to sign in as, made by the owner's session.
        ApiClient api(sharedUrl);
        api.pinnedSha256 = changed.last().at(4).toString();
        api.token = owner.value(QLatin1String("accessToken")).toString();
        QCOMPARE(api.post(QStringLiteral("/v1/admin/users"),
                          {{QStringLiteral("email"), QStringLiteral("phone@example.com")},
                           {QStringLiteral("password"), QStringLiteral("a phone's password")}})
                     .status,
                 201);

        const auto certificates = QSslCertificate::fromPath(
            QDir(config.dataDir).filePath(QStringLiteral("tls/cert.pem")));
        QCOMPARE(certificates.size(), 1);
        const QByteArray spki = QCryptographicHash::hash(certificates.first().publicKey().toDer(),
                                                         QCryptographicHash::Sha256)
                                    .toBase64();
        QProcessEnvironment env = scriptEnv(QStringLiteral("https"));
        env.insert(QStringLiteral("HEARTH_URL"), sharedUrl);
        env.insert(QStringLiteral("HEARTH_SPKI"), QString::fromLatin1(spki));
        const Run check = run({m_node, QStringLiteral("web_client_check.mjs")}, env, 120000);
        QMetaObject::invokeMethod(server, &hearth::DesktopServer::stop);
        QVERIFY(thread.wait(20000));
        delete server;
        QVERIFY2(check.exitCode == 0, check.output.right(4000).constData());
        QVERIFY(check.output.contains("web client over https: all checks passed"));
    }
};

QTEST_MAIN(TestWebClient)
#include "tst_web_client.moc"
