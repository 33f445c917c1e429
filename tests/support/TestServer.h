#pragma once

#include "api/HearthServer.h"
#include "core/Config.h"

#include <QtCore/QTemporaryDir>

#include <memory>

// A real Hearth server on a real loopback port (port 0: the system picks),
// with its SQLite database in a fresh temporary folder (or a fresh database
// on the test PostgreSQL or MariaDB server).
class TestServer
{
public:
    static inline const QString adminEmail = QStringLiteral("admin@example.com");
    static inline const QString adminPassword = QStringLiteral("correct horse battery");
    static inline const QByteArray jwtSecret = "test-secret-that-is-long-enough-0123456789";

    TestServer();
    ~TestServer();
    // HEARTH_TEST_DB=postgres|mysql (with HEARTH_TEST_DB_DIR from the ctest
    // fixture that started the server): every TestServer gets a database of
    // its own, dropped afterwards. Unset: an SQLite file.
    static QString testDatabase()
    {
        const QString name = qEnvironmentVariable("HEARTH_TEST_DB");
        return name.isEmpty() ? QStringLiteral("sqlite") : name;
    }
    static bool usingSqlite() { return testDatabase() == QLatin1String("sqlite"); }
    static QString serverDatabaseUser();
    static QString serverDatabasePassword();
    // Settings to change before start().
    hearth::ServerConfig config;

    bool start();
    QString baseUrl() const { return m_server ? m_server->baseUrl() : QString(); }
    QString tlsFingerprint() const { return m_server ? m_server->tlsFingerprint() : QString(); }
    QString databasePath() const { return config.dbPath; }
    QStringList routes() const { return m_server ? m_server->routes() : QStringList(); }
    // Adds an account through `hearth-server user add`'s own code.
    bool addUser(const QString &email, const QString &password, const QString &role = {});
    bool runUserCommand(const QStringList &arguments, QString *output = nullptr);
    void stop() { m_server.reset(); }

private:
    bool createServerDatabase();
    QTemporaryDir m_dir;
    QString m_serverDatabase;
    std::unique_ptr<hearth::HearthServer> m_server;
};
