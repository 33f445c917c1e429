#include "TestServer.h"

#include "api/cli/UserCommands.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTextStream>
#include <QtCore/QUuid>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

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
    if (!usingSqlite() && !createServerDatabase())
        qWarning("could not create a %s test database", qPrintable(testDatabase()));
}

namespace {
// Runs one statement as the test server's administrator.
bool serverExec(const QString &sql, QString *port = nullptr)
{
    QFile portFile(qEnvironmentVariable("HEARTH_TEST_DB_DIR") + QStringLiteral("/port"));
    if (!portFile.open(QIODevice::ReadOnly))
        return false;
    const QString p = QString::fromLatin1(portFile.readAll().trimmed());
    if (port)
        *port = p;
    const bool postgres = TestServer::testDatabase() == QLatin1String("postgres");
    const QString name = QStringLiteral("test-server-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            postgres ? QStringLiteral("QPSQL") : QStringLiteral("QMYSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(p.toInt());
        db.setUserName(TestServer::serverDatabaseUser());
        db.setPassword(TestServer::serverDatabasePassword());
        if (postgres)
            db.setDatabaseName(QStringLiteral("postgres"));
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        } else {
            qWarning("test database server: %s", qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

QString TestServer::serverDatabaseUser()
{
    return testDatabase() == QLatin1String("postgres") ? QStringLiteral("postgres")
                                                       : QStringLiteral("hearth");
}

QString TestServer::serverDatabasePassword()
{
    return testDatabase() == QLatin1String("postgres") ? QString() : QStringLiteral("hearth");
}

bool TestServer::createServerDatabase()
{
    m_serverDatabase =
        QStringLiteral("hearth_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const bool postgres = testDatabase() == QLatin1String("postgres");
    QString port;
    if (!serverExec(postgres
                        ? QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8'").arg(m_serverDatabase)
                        : QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4"
                                         " COLLATE utf8mb4_bin")
                              .arg(m_serverDatabase),
                    &port))
        return false;
    config.dbDriver = testDatabase();
    config.dbHost = QStringLiteral("127.0.0.1");
    config.dbPort = port.toInt();
    config.dbUser = serverDatabaseUser();
    config.dbPassword = serverDatabasePassword();
    config.dbName = m_serverDatabase;
    return true;
}

TestServer::~TestServer()
{
    m_server.reset();
    if (m_serverDatabase.isEmpty())
        return;
    serverExec(testDatabase() == QLatin1String("postgres")
                   ? QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_serverDatabase)
                   : QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_serverDatabase));
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
