#include "TestServer.h"

#include "api/UserCommands.h"

#include <QtCore/QDir>
#include <QtCore/QTextStream>

TestServer::TestServer()
{
    config.host = QStringLiteral("127.0.0.1");
    config.port = 0;
    config.dataDir = m_dir.path();
    config.dbPath = QDir(m_dir.path()).filePath(QStringLiteral("hearth.db"));
    config.jwtSecret = QString::fromLatin1(jwtSecret);
    config.adminEmail = adminEmail;
    config.adminPassword = adminPassword;
    config.demoDelayMs = 1;
    config.accessLog = false;
    config.ollamaUrl = QStringLiteral("off");     // never find a real Ollama by chance
    config.chatRateLimit = QStringLiteral("off"); // suites that test limits set their own
}

bool TestServer::start()
{
    m_server = std::make_unique<hearth::HearthServer>(config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning("server did not start: %s", qPrintable(error));
        return false;
    }
    return true;
}

bool TestServer::runUserCommand(const QStringList &arguments, QString *output)
{
    QString outText, errText, inText;
    QTextStream out(&outText), err(&errText), in(&inText);
    const int code = hearth::runUserCommand(config, arguments, out, err, in);
    out.flush();
    err.flush();
    if (output)
        *output = outText + errText;
    return code == 0;
}

bool TestServer::addUser(const QString &email, const QString &password, const QString &role)
{
    QStringList args{QStringLiteral("add"), QStringLiteral("--email"), email,
                     QStringLiteral("--password"), password};
    if (!role.isEmpty())
        args << QStringLiteral("--role") << role;
    return runUserCommand(args);
}
