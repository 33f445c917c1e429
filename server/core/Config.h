#pragma once

#include <QtCore/QHash>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace hearth {

struct ProviderSeed
{
    QString baseUrl;
    QString apiKey;
};

// Every setting of the server, resolved. Field comments name the key used
// on the command line (as --key), in the environment and in the config file.
struct ServerConfig
{
    QString host = QStringLiteral("127.0.0.1"); // SERVER_HOST
    quint16 port = 8080;                        // SERVER_PORT
    QString dataDir;                            // HEARTH_DATA_DIR
    QString configFile;                         // HEARTH_CONFIG (file actually read, if any)

    QString dbDriver = QStringLiteral("sqlite");           // DB_DRIVER
    QString dbHost, dbUser, dbPassword, dbName, dbSslMode; // DB_*
    int dbPort = 0;
    QString dbPath; // HEARTH_DB_PATH, SQLite file; default <dataDir>/hearth.db

    QString jwtSecret; // JWT_SECRET (empty: generated and kept in dataDir)
    QString
        secretKey; // HEARTH_SECRET_KEY: base64 of 32 bytes sealing provider keys (empty: dataDir)
    int shutdownGraceSec = 10;    // HEARTH_SHUTDOWN_GRACE: replies in flight may finish this long
    QString tlsCert, tlsKey;      // HEARTH_TLS_CERT, HEARTH_TLS_KEY: PEM files; both set: HTTPS
    QString tlsMode;              // HEARTH_TLS: "self-signed" makes one; "off"; empty: by the files
    QString logFormat, logLevel;  // LOG_FORMAT (text|json), LOG_LEVEL (debug|info|warning|error)
    int tlsRedirectPort = 0;      // HEARTH_TLS_REDIRECT_PORT: plain HTTP here redirects to HTTPS
    int accessTokenTtl = 3600;    // JWT_ACCESS_EXPIRE, seconds
    int refreshTokenTtl = 604800; // JWT_REFRESH_EXPIRE, seconds
    QStringList corsAllowedOrigins; // CORS_ALLOWED_ORIGINS, comma separated
    QStringList corsAllowedHeaders; // CORS_ALLOWED_HEADERS, comma separated; empty: the default set
    bool publicModels = true;       // HEARTH_PUBLIC_MODELS: GET /v1/models without signing in
    bool webEnabled = true;         // HEARTH_WEB: the web client at /; off serves the API only

    QString adminEmail;            // HEARTH_ADMIN_EMAIL
    QString adminPassword;         // HEARTH_ADMIN_PASSWORD
    QList<ProviderSeed> providers; // OPENAI_API_BASE_URL(S) + OPENAI_API_KEY(S)
    QString defaultModel;          // HEARTH_DEFAULT_MODEL
    // HEARTH_OLLAMA_URL: probed at start when no provider is configured; "off" disables.
    QString ollamaUrl = QStringLiteral("http://127.0.0.1:11434/v1");

    QString chatRateLimit; // HEARTH_CHAT_RATE_LIMIT, e.g. "5/minute,100/day" or "off"; wins over
                           // the admin
    QString timeZone;      // HEARTH_TIME_ZONE (IANA id); wins over the admin setting
    QStringList
        trustedProxies; // HEARTH_TRUSTED_PROXIES: addresses/CIDRs whose X-Forwarded-For is believed

    qint64 maxBodyBytes = 4 * 1024 * 1024;    // HEARTH_MAX_BODY_BYTES
    qint64 maxUploadBytes = 20 * 1024 * 1024; // HEARTH_MAX_UPLOAD_BYTES: one attachment
    int imageMaxSide = 2048;            // HEARTH_IMAGE_MAX_SIDE: pictures are scaled down to this
    int maxConnections = 1024;          // HEARTH_MAX_CONNECTIONS
    int maxConnectionsPerAddress = 256; // HEARTH_MAX_CONNECTIONS_PER_ADDRESS
    int idleTimeoutSec = 75;            // HEARTH_IDLE_TIMEOUT
    int headerTimeoutSec = 15;          // HEARTH_HEADER_TIMEOUT

    int upstreamConnectTimeoutSec = 15;    // HEARTH_UPSTREAM_CONNECT_TIMEOUT
    int upstreamFirstByteTimeoutSec = 120; // HEARTH_UPSTREAM_FIRST_BYTE_TIMEOUT
    int upstreamIdleTimeoutSec = 90;       // HEARTH_UPSTREAM_IDLE_TIMEOUT
    int ssePingIntervalSec = 15;           // HEARTH_SSE_PING_INTERVAL
    int replySaveIntervalMs = 2000;        // HEARTH_REPLY_SAVE_INTERVAL_MS
    int demoDelayMs = 40;                  // HEARTH_DEMO_DELAY_MS (built-in demo model pace)
    bool accessLog = true;                 // HEARTH_ACCESS_LOG (on/off)

    // Where uploads are spooled as they arrive: the data folder, on the same
    // disk as the SQLite file rather than a small /tmp.
    QString uploadSpoolDir() const;
};

// One layer of raw settings; keys are the environment names above.
using ConfigLayer = QHash<QString, QString>;

struct ConfigResult
{
    ServerConfig config;
    QStringList errors; // plain sentences; the server refuses to start when not empty
};

// Resolves the layers with the precedence command line > environment >
// config file > defaults. The config file is `HEARTH_CONFIG` (from the
// command line or the environment) or, when that is unset, `hearth.conf` in
// the data folder if it exists.
ConfigResult resolveConfig(const ConfigLayer &commandLine, const ConfigLayer &environment,
                           const QString &defaultDataDir);

// The keys the server understands, for --help and for rejecting typos in files.
QStringList knownConfigKeys();

} // namespace hearth
