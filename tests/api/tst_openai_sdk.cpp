#include "ApiClient.h"
#include "FakeUpstream.h"
#include "RequireTool.h"
#include "TestServer.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

namespace {

// JSON without the whitespace between its tokens (the SDK indents its
// bodies; Hearth relays them as they are).
QByteArray compact(const QByteArray &json)
{
    QByteArray out;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < json.size())
                out += json.at(++i);
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out += c;
        }
    }
    return out;
}

} // namespace

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
        QTemporaryDir scratch;
        const QString sentPath = scratch.filePath(QStringLiteral("sent.json"));
        sdkEnv.insert(QStringLiteral("HEARTH_SDK_SENT"), sentPath);
        const Run check = run(node, {QStringLiteral("openai_sdk_check.mjs")}, sdkEnv, 60000);
        QVERIFY2(check.exitCode == 0, check.output.constData());
        QVERIFY(check.output.contains("all as with OpenAI"));

        // The provider received what the SDK sent, in its order, but for
        // stream and stream_options.
        QFile sent(sentPath);
        QVERIFY(sent.open(QIODevice::ReadOnly));
        QList<QByteArray> expected;
        for (const QJsonValue &body : QJsonDocument::fromJson(sent.readAll()).array())
            expected << body.toString().toUtf8();
        QList<QByteArray> received;
        for (const FakeUpstream::Received &request : std::as_const(m_upstream.received))
            if (request.path.endsWith("/chat/completions"))
                received << compact(request.rawBody);
        QVERIFY(expected.size() >= 9);
        QCOMPARE(received, expected);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiSdk)
#include "tst_openai_sdk.moc"
