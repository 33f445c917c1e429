#pragma once

#include "core/Config.h"
#include "core/Domain.h"
#include "core/Outcome.h"

#include <QtCore/QByteArray>

class QNetworkAccessManager;

namespace hearth {

class Database;
struct DatabaseSettings;
class ProviderRegistry;
struct ServerContext;

namespace bootstrap {

// JWT_SECRET when given (at least 32 bytes, never the original's published
// example), else a random secret kept in <dataDir>/jwt-secret (mode 0600).
QByteArray jwtSecret(const ServerConfig &config, QString *error);

// The configured database (DB_* or the SQLite file), as storage names it.
DatabaseSettings databaseSettings(const ServerConfig &config);

// Opens the configured database and brings its schema up to date.
std::unique_ptr<Database> openDatabase(const ServerConfig &config, QString *error);

// Stores a new enabled admin account (hashing `password`: a start-up path,
// not a request). CONFLICT when the email is taken.
Outcome<User> createAdmin(ServerContext &context, const QString &email, const QString &name,
                          const QString &password);
// The same without a password: nobody can sign in as it, only be signed in
// by the process that made it (the desktop app's owner). Nothing to hash,
// so the app's first start is not held up by Argon2.
Outcome<User> createPasswordlessAdmin(ServerContext &context, const QString &email,
                                      const QString &name);

// Creates HEARTH_ADMIN_EMAIL as an admin if no account has that email yet.
// Never changes an existing account's password.
bool ensureAdmin(ServerContext &context, QString *error);

} // namespace bootstrap
} // namespace hearth
