#include "api/Bootstrap.h"

#include "api/ServerContext.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "security/SecretFile.h"
#include "storage/Migrator.h"

#include <QtCore/QDir>
#include <QtCore/QLoggingCategory>

Q_LOGGING_CATEGORY(lcBootstrap, "hearth.bootstrap")

namespace hearth::bootstrap {

QByteArray jwtSecret(const ServerConfig &config, QString *error)
{
    static const QByteArray publishedExample = "your-super-secret-jwt-key-change-in-production";
    if (!config.jwtSecret.isEmpty()) {
        const QByteArray secret = config.jwtSecret.toUtf8();
        if (secret == publishedExample) {
            *error = QStringLiteral("JWT_SECRET is the example from the original documentation; "
                                    "set a secret of your own (or unset it to have one generated)");
            return {};
        }
        if (secret.size() < 32) {
            *error = QStringLiteral("JWT_SECRET must be at least 32 bytes long");
            return {};
        }
        return secret;
    }
    return loadOrCreateSecret(QDir(config.dataDir).filePath(QStringLiteral("jwt-secret")), 48,
                              error);
}

DatabaseSettings databaseSettings(const ServerConfig &config)
{
    DatabaseSettings settings;
    settings.driver = config.dbDriver;
    settings.sqlitePath = config.dbPath;
    settings.host = config.dbHost;
    settings.port = config.dbPort;
    settings.user = config.dbUser;
    settings.password = config.dbPassword;
    settings.name = config.dbName;
    settings.sslMode = config.dbSslMode;
    return settings;
}

std::unique_ptr<Database> openDatabase(const ServerConfig &config, QString *error)
{
    auto db = Database::create(databaseSettings(config), error);
    if (!db)
        return nullptr;
    Migrator migrator(*db);
    if (!migrator.migrate(error))
        return nullptr;
    return db;
}

namespace {
Outcome<User> storeAdmin(ServerContext &context, const QString &email, const QString &name,
                         const QByteArray &passwordHash)
{
    User admin;
    admin.id = newId();
    admin.email = email;
    admin.name = name;
    admin.role = Role::Admin;
    admin.passwordHash = QString::fromLatin1(passwordHash);
    admin.createdAt = Clock::system().nowMs();
    return context.users.create(admin);
}
} // namespace

Outcome<User> createAdmin(ServerContext &context, const QString &email, const QString &name,
                          const QString &password)
{
    return storeAdmin(context, email, name, context.hasher.hash(password));
}

Outcome<User> createPasswordlessAdmin(ServerContext &context, const QString &email,
                                      const QString &name)
{
    return storeAdmin(context, email, name, PasswordHasher::lockedHash());
}

bool ensureAdmin(ServerContext &context, QString *error)
{
    const ServerConfig &config = context.config;
    if (config.adminEmail.isEmpty())
        return true;
    const auto existing = context.users.findByEmail(config.adminEmail);
    if (!existing) {
        *error = existing.error().message;
        return false;
    }
    if (existing.value())
        return true;
    if (config.adminPassword.size() < 8) {
        *error = QStringLiteral("HEARTH_ADMIN_PASSWORD must be at least 8 characters long");
        return false;
    }
    const auto created =
        createAdmin(context, config.adminEmail, config.adminEmail.section(QLatin1Char('@'), 0, 0),
                    config.adminPassword);
    if (!created && created.error().code == QLatin1String("CONFLICT"))
        return true; // another instance on this database made it just now
    if (!created) {
        *error = created.error().message;
        return false;
    }
    qCInfo(lcBootstrap).noquote() << "created the admin account" << created->email;
    return true;
}

} // namespace hearth::bootstrap
