#include "HearthProcess.h"

#include "TestServer.h"

#include <QtCore/QRegularExpression>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

HearthProcess::Env HearthProcess::chatEnv(const QString &upstreamBaseUrl)
{
    return {{QStringLiteral("DB_DRIVER"), QStringLiteral("sqlite")},
            {QStringLiteral("HEARTH_ADMIN_EMAIL"), TestServer::adminEmail},
            {QStringLiteral("HEARTH_ADMIN_PASSWORD"), TestServer::adminPassword},
            {QStringLiteral("OPENAI_API_BASE_URL"), upstreamBaseUrl},
            {QStringLiteral("HEARTH_CHAT_RATE_LIMIT"), QStringLiteral("off")}};
}

HearthProcess::HearthProcess(const QString &binary, const Env &env, const QStringList &launcher)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HEARTH_DATA_DIR"), m_dir.path());
    environment.insert(QStringLiteral("HEARTH_OLLAMA_URL"), QStringLiteral("off"));
    for (const auto &[name, value] : env)
        environment.insert(name, value);
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                     [this] { m_output += m_process.readAllStandardOutput(); });
    const QStringList arguments{QStringLiteral("--port"), QStringLiteral("0")};
    if (launcher.isEmpty())
        m_process.start(binary, arguments);
    else
        m_process.start(launcher.first(), launcher.mid(1) + QStringList{binary} + arguments);
}

HearthProcess::~HearthProcess()
{
    if (exited())
        return;
    QSignalSpy finished(&m_process, &QProcess::finished);
    m_process.terminate();
    if (!finished.wait(20000))
        m_process.kill();
}

QString HearthProcess::waitUntilServing(int timeoutMs)
{
    if (!QTest::qWaitFor([this] { return m_output.contains("is serving on") || exited(); },
                         timeoutMs))
        return {};
    m_url = QRegularExpression(QStringLiteral("serving on (https?://[^ ]+)"))
                .match(QString::fromUtf8(m_output))
                .captured(1);
    return m_url;
}
