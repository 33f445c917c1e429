#pragma once

#include "core/Config.h"
#include "llm/ProviderRegistry.h"
#include "security/Jwt.h"
#include "security/PasswordHasher.h"
#include "storage/AccessLogRepository.h"
#include "storage/ApiKeyRepository.h"
#include "storage/AttachmentRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/RateEventRepository.h"
#include "storage/RefreshTokenRepository.h"
#include "storage/SettingsRepository.h"
#include "storage/UsageRepository.h"
#include "storage/UserRepository.h"

#include <QtCore/QThreadPool>

class QNetworkAccessManager;

namespace hearth {

class GroupCommit;
class SettingsService;
class StreamTracker;
class UpstreamClient;

// What the controllers share, all living on the server thread. Owned by
// HearthServer; controllers hold a reference.
struct ServerContext
{
    ServerContext(ServerConfig cfg, std::unique_ptr<Database> database, QByteArray jwtSecret)
        : config(std::move(cfg))
        , db(std::move(database))
        , jwt(std::move(jwtSecret))
        , users(*db)
        , refreshTokens(*db)
        , conversations(*db)
        , messages(*db)
        , usage(*db)
        , apiKeys(*db)
        , providerRecords(*db)
        , settings(*db)
        , rateEvents(*db)
        , accessLog(*db)
        , attachments(*db)
    {
        // Hashing is deliberately slow: a few workers so logins run in
        // parallel without starving the machine.
        workers.setMaxThreadCount(2);
        fileWorkers.setMaxThreadCount(2);
    }

    ServerConfig config;
    std::unique_ptr<Database> db;
    Jwt jwt;
    PasswordHasher hasher;
    QThreadPool workers;
    UserRepository users;
    RefreshTokenRepository refreshTokens;
    ConversationRepository conversations;
    MessageRepository messages;
    UsageRepository usage;
    ApiKeyRepository apiKeys;
    ProviderRepository providerRecords;
    SettingsRepository settings;
    RateEventRepository rateEvents;
    AccessLogRepository accessLog;
    AttachmentRepository attachments;
    ProviderRegistry *providers = nullptr;
    SettingsService *settingsService = nullptr;
    // Parent for background jobs (exports, relays' helpers): lives exactly as
    // long as the server accepts requests.
    QObject *jobs = nullptr;
    // SHA-256 of the TLS certificate in use, "AB:CD:…"; empty over HTTP.
    QString tlsFingerprint;
    // The replies being relayed (for a graceful shutdown).
    StreamTracker *streams = nullptr;
    QNetworkAccessManager *network = nullptr; // model lists
    UpstreamClient *upstream = nullptr;       // chat completions
    GroupCommit *writes = nullptr;            // usage rows
    qint64 startedAtMs = 0;
    // Reading, hashing and storing attachments (uploads, thumbnails, the
    // files a turn sends): not the password workers, so a few big files
    // never hold up sign-ins. A job that used the database releases its
    // thread's connection: pool threads come and go. Last, so it waits for
    // its jobs before the repositories they use go.
    QThreadPool fileWorkers;
};

} // namespace hearth
