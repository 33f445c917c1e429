#pragma once

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>

// A real hearth-server process for tests that need one outside their own
// (SIGTERM, several instances, a proxy in front): its data in a folder of
// its own, no Ollama probing, `env` on top. Stops it (SIGTERM, then kill)
// when destroyed.
class HearthProcess
{
public:
    using Env = QList<QPair<QString, QString>>;
    // What most process tests start with: SQLite, TestServer's admin, chats
    // relayed to `upstreamBaseUrl`, no rate limit. Append to it; later wins.
    static Env chatEnv(const QString &upstreamBaseUrl);
    // `launcher`: a program to run it in, with its arguments (e.g. valgrind).
    HearthProcess(const QString &binary, const Env &env, const QStringList &launcher = {});
    ~HearthProcess();

    // The base URL once "serving on" was printed; empty if it did not (or exited).
    QString waitUntilServing(int timeoutMs = 30000);
    QString url() const { return m_url; }
    QString dataDir() const { return m_dir.path(); }
    QProcess &process() { return m_process; }
    bool exited() const { return m_process.state() == QProcess::NotRunning; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_output;
    QString m_url;
};
