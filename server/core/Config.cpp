#include "core/Config.h"

#include "core/ConfigFile.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QUrl>

namespace hearth {

namespace {

class LayeredLookup
{
public:
    LayeredLookup(const ConfigLayer &cli, const ConfigLayer &env, const ConfigLayer &file)
        : m_layers{&cli, &env, &file}
    {}

    std::optional<QString> value(const QString &key) const
    {
        if (m_asked && !m_asked->contains(key))
            m_asked->append(key);
        for (const ConfigLayer *layer : m_layers) {
            const auto it = layer->constFind(key);
            if (it != layer->constEnd())
                return it.value();
        }
        return std::nullopt;
    }

    void readString(const char *key, QString &target) const
    {
        if (const auto v = value(QLatin1String(key)))
            target = v->trimmed();
    }

    template<typename Int> void readInt(const char *key, Int &target, qint64 min, qint64 max)
    {
        const auto v = value(QLatin1String(key));
        if (!v)
            return;
        bool ok = false;
        const qint64 parsed = v->trimmed().toLongLong(&ok);
        if (!ok || parsed < min || parsed > max) {
            errors << QStringLiteral("%1 must be a whole number from %2 to %3 (got \"%4\")")
                          .arg(QLatin1String(key))
                          .arg(min)
                          .arg(max)
                          .arg(*v);
            return;
        }
        target = Int(parsed);
    }

    void readBool(const char *key, bool &target)
    {
        const auto v = value(QLatin1String(key));
        if (!v)
            return;
        const QString s = v->trimmed().toLower();
        if (s == QLatin1String("1") || s == QLatin1String("true") || s == QLatin1String("on") ||
            s == QLatin1String("yes"))
            target = true;
        else if (s == QLatin1String("0") || s == QLatin1String("false") ||
                 s == QLatin1String("off") || s == QLatin1String("no"))
            target = false;
        else
            errors
                << QStringLiteral("%1 must be on or off (got \"%2\")").arg(QLatin1String(key), *v);
    }

    QStringList errors;
    QStringList *m_asked = nullptr; // every key looked up, when set

private:
    const ConfigLayer *m_layers[3];
};

QStringList splitList(const QString &text, QChar separator)
{
    QStringList items;
    for (const QString &item : text.split(separator, Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items << trimmed;
    }
    return items;
}

QList<ProviderSeed> readProviders(const LayeredLookup &lookup, QStringList &errors)
{
    // All four names are looked up, so that every one counts as a known key.
    lookup.value(QStringLiteral("OPENAI_API_KEYS"));
    lookup.value(QStringLiteral("OPENAI_API_KEY"));
    QStringList urls, keys;
    if (const auto plural = lookup.value(QStringLiteral("OPENAI_API_BASE_URLS"))) {
        urls = splitList(*plural, QLatin1Char(';'));
        keys = lookup.value(QStringLiteral("OPENAI_API_KEYS"))
                   .value_or(QString())
                   .split(QLatin1Char(';'));
    } else if (const auto single = lookup.value(QStringLiteral("OPENAI_API_BASE_URL"))) {
        urls << single->trimmed();
        keys << lookup.value(QStringLiteral("OPENAI_API_KEY")).value_or(QString());
    } else if (const auto keyOnly = lookup.value(QStringLiteral("OPENAI_API_KEY"))) {
        // As Open WebUI does: a key alone means OpenAI itself.
        urls << QStringLiteral("https://api.openai.com/v1");
        keys << *keyOnly;
    }
    QList<ProviderSeed> seeds;
    for (int i = 0; i < urls.size(); ++i) {
        const QUrl url(urls.at(i));
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            errors << QStringLiteral("OPENAI_API_BASE_URL \"%1\" is not an http(s) URL")
                          .arg(urls.at(i));
            continue;
        }
        seeds.append({urls.at(i), i < keys.size() ? keys.at(i).trimmed() : QString()});
    }
    return seeds;
}

} // namespace

ConfigResult resolveConfigRecording(const ConfigLayer &commandLine, const ConfigLayer &environment,
                                    const QString &defaultDataDir, QStringList *asked);

QStringList knownConfigKeys()
{
    // Whatever resolveConfig looks up is a setting: one list, never out of date.
    static const QStringList keys = [] {
        QStringList asked;
        resolveConfigRecording({}, {}, QStringLiteral("/nonexistent/hearth-data"), &asked);
        return asked;
    }();
    return keys;
}

ConfigResult resolveConfig(const ConfigLayer &commandLine, const ConfigLayer &environment,
                           const QString &defaultDataDir)
{
    return resolveConfigRecording(commandLine, environment, defaultDataDir, nullptr);
}

ConfigResult resolveConfigRecording(const ConfigLayer &commandLine, const ConfigLayer &environment,
                                    const QString &defaultDataDir, QStringList *asked)
{
    ConfigResult result;
    ServerConfig &c = result.config;
    const ConfigLayer none;

    // The data folder and the config file are resolved first, from the two
    // layers above the file (the file cannot say where it is itself).
    LayeredLookup early(commandLine, environment, none);
    early.m_asked = asked;
    c.dataDir = defaultDataDir;
    early.readString("HEARTH_DATA_DIR", c.dataDir);
    QString filePath;
    early.readString("HEARTH_CONFIG", filePath);
    const bool explicitFile = !filePath.isEmpty();
    if (!explicitFile)
        filePath = QDir(c.dataDir).filePath(QStringLiteral("hearth.conf"));

    ConfigLayer fileLayer;
    if (explicitFile || QFileInfo::exists(filePath)) {
        ConfigFileContents contents = readConfigFile(filePath);
        for (const QString &error : std::as_const(contents.errors))
            result.errors << QStringLiteral("%1: %2").arg(filePath, error);
        const QStringList known = knownConfigKeys();
        for (auto it = contents.values.cbegin(); it != contents.values.cend(); ++it) {
            if (!known.contains(it.key()))
                result.errors << QStringLiteral("%1: unknown setting %2").arg(filePath, it.key());
        }
        fileLayer = contents.values;
        c.configFile = filePath;
    }

    LayeredLookup l(commandLine, environment, fileLayer);
    l.m_asked = asked;
    l.readString("SERVER_HOST", c.host);
    l.readInt("SERVER_PORT", c.port, 0, 65535);
    l.readString("DB_DRIVER", c.dbDriver);
    c.dbDriver = c.dbDriver.toLower();
    l.readString("DB_HOST", c.dbHost);
    l.readInt("DB_PORT", c.dbPort, 0, 65535);
    l.readString("DB_USER", c.dbUser);
    l.readString("DB_PASSWORD", c.dbPassword);
    l.readString("DB_NAME", c.dbName);
    l.readString("DB_SSL_MODE", c.dbSslMode);
    c.dbPath = QDir(c.dataDir).filePath(QStringLiteral("hearth.db"));
    l.readString("HEARTH_DB_PATH", c.dbPath);
    l.readString("JWT_SECRET", c.jwtSecret);
    l.readString("HEARTH_SECRET_KEY", c.secretKey);
    l.readInt("HEARTH_SHUTDOWN_GRACE", c.shutdownGraceSec, 0, 3600);
    l.readString("HEARTH_TLS_CERT", c.tlsCert);
    l.readString("HEARTH_TLS_KEY", c.tlsKey);
    l.readString("HEARTH_TLS", c.tlsMode);
    l.readInt("HEARTH_TLS_REDIRECT_PORT", c.tlsRedirectPort, 0, 65535);
    l.readString("LOG_FORMAT", c.logFormat);
    l.readString("LOG_LEVEL", c.logLevel);
    l.readInt("JWT_ACCESS_EXPIRE", c.accessTokenTtl, 30, 7 * 86400);
    l.readInt("JWT_REFRESH_EXPIRE", c.refreshTokenTtl, 60, 365 * 86400);
    if (const auto origins = l.value(QStringLiteral("CORS_ALLOWED_ORIGINS")))
        c.corsAllowedOrigins = splitList(*origins, QLatin1Char(','));
    if (const auto headers = l.value(QStringLiteral("CORS_ALLOWED_HEADERS")))
        c.corsAllowedHeaders = splitList(*headers, QLatin1Char(','));
    l.readBool("HEARTH_PUBLIC_MODELS", c.publicModels);
    l.readBool("HEARTH_WEB", c.webEnabled);
    l.readString("HEARTH_ADMIN_EMAIL", c.adminEmail);
    l.readString("HEARTH_ADMIN_PASSWORD", c.adminPassword);
    l.readString("HEARTH_DEFAULT_MODEL", c.defaultModel);
    l.readString("HEARTH_OLLAMA_URL", c.ollamaUrl);
    l.readString("HEARTH_CHAT_RATE_LIMIT", c.chatRateLimit);
    l.readString("HEARTH_TIME_ZONE", c.timeZone);
    if (const auto proxies = l.value(QStringLiteral("HEARTH_TRUSTED_PROXIES")))
        c.trustedProxies = splitList(*proxies, QLatin1Char(','));
    l.readInt("HEARTH_MAX_BODY_BYTES", c.maxBodyBytes, 1024, qint64(1) << 32);
    l.readInt("HEARTH_MAX_UPLOAD_BYTES", c.maxUploadBytes, 1024, qint64(1) << 32);
    l.readInt("HEARTH_IMAGE_MAX_SIDE", c.imageMaxSide, 256, 8192);
    l.readInt("HEARTH_MAX_CONNECTIONS", c.maxConnections, 1, 100000);
    l.readInt("HEARTH_MAX_CONNECTIONS_PER_ADDRESS", c.maxConnectionsPerAddress, 1, 100000);
    l.readInt("HEARTH_IDLE_TIMEOUT", c.idleTimeoutSec, 1, 86400);
    l.readInt("HEARTH_HEADER_TIMEOUT", c.headerTimeoutSec, 1, 3600);
    l.readInt("HEARTH_UPSTREAM_CONNECT_TIMEOUT", c.upstreamConnectTimeoutSec, 1, 3600);
    l.readInt("HEARTH_UPSTREAM_FIRST_BYTE_TIMEOUT", c.upstreamFirstByteTimeoutSec, 1, 3600);
    l.readInt("HEARTH_UPSTREAM_IDLE_TIMEOUT", c.upstreamIdleTimeoutSec, 1, 3600);
    l.readInt("HEARTH_SSE_PING_INTERVAL", c.ssePingIntervalSec, 1, 3600);
    l.readInt("HEARTH_REPLY_SAVE_INTERVAL_MS", c.replySaveIntervalMs, 100, 60000);
    l.readInt("HEARTH_DEMO_DELAY_MS", c.demoDelayMs, 0, 10000);
    l.readBool("HEARTH_ACCESS_LOG", c.accessLog);
    c.providers = readProviders(l, l.errors);

    const QStringList drivers{QStringLiteral("sqlite"), QStringLiteral("postgres"),
                              QStringLiteral("mysql")};
    if (!drivers.contains(c.dbDriver))
        l.errors << QStringLiteral("DB_DRIVER must be sqlite, postgres or mysql (got \"%1\")")
                        .arg(c.dbDriver);
    if (c.adminEmail.isEmpty() != c.adminPassword.isEmpty())
        l.errors << QStringLiteral("HEARTH_ADMIN_EMAIL and HEARTH_ADMIN_PASSWORD go together");
    result.errors << l.errors << early.errors;
    return result;
}

QString ServerConfig::uploadSpoolDir() const
{
    return QDir(dataDir).filePath(QStringLiteral("uploads"));
}

} // namespace hearth
