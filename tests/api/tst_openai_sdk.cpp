#include "ApiClient.h"
#include "FakeUpstream.h"
#include "RequireTool.h"
#include "TestServer.h"

#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

// The official OpenAI client library (Node), unchanged, against Hearth.
class TestOpenAiSdk final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;

    struct Run
    {
        int exitCode = -1;
        QByteArray output;
    };
    // Runs a program while the event loop (and so the server) keeps going.
    Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
            int timeoutMs)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(QStringLiteral(HEARTH_SDK_DIR));
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(program, args);
        if (!finished.wait(timeoutMs))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAll()};
    }

private slots:
    void initTestCase()
    {
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        QVERIFY(m_server.start());
    }

    void officialClientWorksUnchanged()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        HEARTH_REQUIRE_TOOL(
            !node.isEmpty() && !npm.isEmpty(),
            "node and npm are not installed (scripts/install-deps.sh test installs them)");
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!QDir(QStringLiteral(HEARTH_SDK_DIR "/node_modules/openai")).exists()) {
            const Run install = run(npm,
                                    {QStringLiteral("install"), QStringLiteral("--no-audit"),
                                     QStringLiteral("--no-fund"), QStringLiteral("--silent")},
                                    env, 240000);
            if (install.exitCode != 0)
                QSKIP(qPrintable(
                    QStringLiteral("could not install the openai package from the npm registry: ") +
                    QString::fromUtf8(install.output.right(300))));
        }
        ApiClient admin(m_server.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        const QString key = admin
                                .post(QStringLiteral("/v1/me/api-keys"),
                                      {{QStringLiteral("name"), QStringLiteral("sdk")}})
                                .json()
                                .value(QLatin1String("key"))
                                .toString();
        QTRY_COMPARE_WITH_TIMEOUT(admin.get(QStringLiteral("/v1/models"))
                                      .json()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .size(),
                                  FakeUpstream::models().size(), 10000);
        QProcessEnvironment sdkEnv = env;
        sdkEnv.insert(QStringLiteral("HEARTH_BASE_URL"),
                      m_server.baseUrl() + QStringLiteral("/v1"));
        sdkEnv.insert(QStringLiteral("HEARTH_API_KEY"), key);
        const Run check = run(node, {QStringLiteral("openai_sdk_check.mjs")}, sdkEnv, 60000);
        QVERIFY2(check.exitCode == 0, check.output.constData());
        QVERIFY(check.output.contains("all as with OpenAI"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiSdk)
#include "tst_openai_sdk.moc"
