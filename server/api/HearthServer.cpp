#include "api/HearthServer.h"

#include "api/AccessLogWriter.h"
#include "api/Bootstrap.h"
#include "api/JsonViews.h"
#include "api/ProviderService.h"
#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "api/admin/AdminDatabaseController.h"
#include "api/admin/AdminLogController.h"
#include "api/admin/AdminProvidersController.h"
#include "api/admin/AdminSettingsController.h"
#include "api/admin/AdminUsageController.h"
#include "api/admin/AdminUsersController.h"
#include "api/attachments/AttachmentController.h"
#include "api/auth/AuthController.h"
#include "api/auth/Authenticator.h"
#include "api/auth/TokenService.h"
#include "api/chat/ConversationController.h"
#include "api/chat/MessageController.h"
#include "api/chat/OrphanedReplies.h"
#include "api/chat/StreamTracker.h"
#include "api/me/MeController.h"
#include "api/openai/OpenAiController.h"
#include "api/system/SystemController.h"
#include "core/Clock.h"
#include "http/HttpServer.h"
#include "http/HttpsRedirect.h"
#include "http/ServerTls.h"
#include "http/StaticSite.h"
#include "llm/UpstreamClient.h"
#include "security/SelfSignedCertificate.h"
#include "storage/GroupCommit.h"
#include "storage/WalCheckpointer.h"

#include <QtCore/QDir>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>

namespace hearth {

class HearthServerPrivate
{
public:
    explicit HearthServerPrivate(ServerConfig cfg)
        : config(std::move(cfg))
    {}

    ServerConfig config;
    std::unique_ptr<ServerContext> context;
    // Outlives the controllers, whose replies it counts.
    std::unique_ptr<StreamTracker> streams;
    bool shuttingDown = false;
    QString tlsFingerprint;
    std::unique_ptr<HttpsRedirect> redirect;
    std::unique_ptr<Authenticator> auth;
    std::unique_ptr<HttpServer> http;
    std::unique_ptr<AuthController> authController;
    std::unique_ptr<ConversationController> conversations;
    std::unique_ptr<MessageController> messages;
    std::unique_ptr<SystemController> system;
    std::unique_ptr<MeController> me;
    std::unique_ptr<AttachmentController> attachments;
    std::unique_ptr<AdminUsersController> adminUsers;
    std::unique_ptr<AdminUsageController> adminUsage;
    std::unique_ptr<AdminSettingsController> adminSettings;
    std::unique_ptr<AdminLogController> adminLog;
    std::unique_ptr<AdminDatabaseController> adminDatabase;
    std::unique_ptr<AdminProvidersController> adminProviders;
    std::unique_ptr<OpenAiController> openAi;
    std::unique_ptr<StaticSite> site; // the web client, when built in and on
    std::unique_ptr<ProviderService> providerService;
    std::unique_ptr<SettingsService> settings;
    std::unique_ptr<AccessLogWriter> accessLog;
    std::unique_ptr<GroupCommit> writes;
    std::unique_ptr<WalCheckpointer> checkpointer;
    std::unique_ptr<OrphanedReplies> orphanedReplies;
    QTimer housekeeping;

    void tidy();
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<UpstreamClient> upstream;
    std::unique_ptr<ProviderRegistry> providers;
};

HearthServer::HearthServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<HearthServerPrivate>(std::move(config)))
{}

void HearthServerPrivate::tidy()
{
    // Rate windows reach back a week at most; the access log as long as the admin keeps it.
    const qint64 now = Clock::system().nowMs();
    context->rateEvents.pruneBefore(now - 8ll * 86400 * 1000);
    if (const auto s = settings->current())
        context->accessLog.pruneBefore(now - qint64(s->logRetentionDays) * 86400 * 1000);
    // Uploads a crash cut off, and ones never sent with a message.
    context->attachments.sweep(now - 3600ll * 1000, now - 86400ll * 1000);
}

HearthServer::~HearthServer()
{
    // Order matters. Replies in flight (owned by the chat controllers) end
    // first: their responders finish and log through the HTTP server's
    // guards and the access-log writer, so both must still exist. Then the
    // HTTP server (sockets, exports), then the writer, then the rest; the
    // last commit of usage and log rows before the database closes.
    d->housekeeping.stop();
    // File jobs under way (an upload's spool file belongs to its controller)
    // end before the controllers go, as when each controller had its pool.
    if (d->context)
        d->context->fileWorkers.waitForDone();
    d->orphanedReplies.reset();
    d->openAi.reset();
    d->messages.reset();
    d->authController.reset();
    d->http.reset();
    d->accessLog.reset();
    d->writes.reset();
    d->checkpointer.reset();
}

bool HearthServer::start(QString *error)
{
    const QByteArray secret = bootstrap::jwtSecret(d->config, error);
    if (secret.isEmpty())
        return false;
    auto db = bootstrap::openDatabase(d->config, error);
    if (!db)
        return false;
    d->context = std::make_unique<ServerContext>(d->config, std::move(db), secret);
    ServerContext &ctx = *d->context;
    ctx.startedAtMs = Clock::system().nowMs();
    d->streams = std::make_unique<StreamTracker>();
    ctx.streams = d->streams.get();
    d->orphanedReplies =
        std::make_unique<OrphanedReplies>(ctx, d->config.dbDriver != QLatin1String("sqlite"));
    d->orphanedReplies->start();
    d->writes = std::make_unique<GroupCommit>(*ctx.db);
    d->checkpointer = std::make_unique<WalCheckpointer>(*ctx.db);
    QObject::connect(d->checkpointer.get(), &WalCheckpointer::writesReleased, d->writes.get(),
                     &GroupCommit::commit);
    ctx.writes = d->writes.get();
    d->settings = std::make_unique<SettingsService>(ctx);
    ctx.settingsService = d->settings.get();
    if (const QString problem = d->settings->environmentError(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (!bootstrap::ensureAdmin(ctx, error))
        return false;

    d->network = std::make_unique<QNetworkAccessManager>();
    d->network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    d->upstream = std::make_unique<UpstreamClient>();
    ctx.upstream = d->upstream.get();
    d->providers = std::make_unique<ProviderRegistry>(d->config.demoDelayMs);
    ctx.network = d->network.get();
    ctx.providers = d->providers.get();
    auto box = d->config.secretKey.isEmpty()
                   ? SecretBox::fromKeyFile(
                         QDir(d->config.dataDir).filePath(QStringLiteral("secret.key")), error)
                   : SecretBox::fromBase64(d->config.secretKey.toLatin1(), error);
    if (!box)
        return false;
    const UpstreamTimeouts timeouts{d->config.upstreamConnectTimeoutSec * 1000,
                                    d->config.upstreamFirstByteTimeoutSec * 1000,
                                    d->config.upstreamIdleTimeoutSec * 1000};
    d->providerService = std::make_unique<ProviderService>(ctx, std::move(*box), timeouts);
    d->providerService->start();

    HttpOptions options;
    options.maxBodyBytes = d->config.maxBodyBytes;
    options.spoolDir = d->config.uploadSpoolDir();
    if (!QDir().mkpath(options.spoolDir)) {
        *error = QStringLiteral("cannot create %1").arg(options.spoolDir);
        return false;
    }
    options.spooledBodyLimit = [limit = d->config.maxUploadBytes](const RequestHead &head) {
        return AttachmentController::uploadLimit(head, limit);
    };
    // Only someone signed in may make the server write an upload to disk.
    options.admitSpooledBody = [d = d.get()](const RequestHead &head) {
        return AttachmentController::admitUpload(*d->auth, head);
    };
    options.maxConnections = d->config.maxConnections;
    options.maxConnectionsPerAddress = d->config.maxConnectionsPerAddress;
    options.idleTimeoutMs = d->config.idleTimeoutSec * 1000;
    options.headerTimeoutMs = d->config.headerTimeoutSec * 1000;
    options.corsAllowedOrigins = d->config.corsAllowedOrigins;
    options.corsAllowedHeaders = d->config.corsAllowedHeaders;
    options.accessLog = d->config.accessLog;
    options.trustedProxies = d->config.trustedProxies;
    d->http = std::make_unique<HttpServer>(options);
    ctx.jobs = d->http.get();
    d->accessLog = std::make_unique<AccessLogWriter>(ctx, d->config.accessLog);
    d->http->setAccessLogSink(
        [writer = d->accessLog.get()](const AccessLogEntry &e) { writer->log(e); });

    d->auth = std::make_unique<Authenticator>(ctx);
    d->authController = std::make_unique<AuthController>(ctx);
    d->conversations = std::make_unique<ConversationController>(ctx, *d->auth);
    d->messages = std::make_unique<MessageController>(ctx, *d->auth);
    d->system = std::make_unique<SystemController>(ctx, *d->auth);
    d->me = std::make_unique<MeController>(ctx, *d->auth);
    d->attachments = std::make_unique<AttachmentController>(ctx, *d->auth);
    d->adminUsers = std::make_unique<AdminUsersController>(ctx, *d->auth);
    d->adminUsage = std::make_unique<AdminUsageController>(ctx, *d->auth);
    d->adminSettings = std::make_unique<AdminSettingsController>(ctx, *d->auth);
    d->adminLog = std::make_unique<AdminLogController>(ctx, *d->auth);
    d->adminDatabase = std::make_unique<AdminDatabaseController>(ctx, *d->auth);
    d->adminProviders =
        std::make_unique<AdminProvidersController>(ctx, *d->auth, *d->providerService);
    d->openAi = std::make_unique<OpenAiController>(ctx, *d->auth);
    Router &router = d->http->router();
    d->system->registerRoutes(router);
    d->authController->registerRoutes(router);
    d->conversations->registerRoutes(router);
    d->messages->registerRoutes(router);
    d->me->registerRoutes(router);
    d->attachments->registerRoutes(router);
    d->adminUsers->registerRoutes(router);
    d->adminUsage->registerRoutes(router);
    d->adminSettings->registerRoutes(router);
    d->adminLog->registerRoutes(router);
    d->adminDatabase->registerRoutes(router);
    d->adminProviders->registerRoutes(router);
    d->openAi->registerRoutes(router);
    if (d->config.webEnabled) {
        d->site = std::make_unique<StaticSite>(QStringLiteral(":/web"));
        if (d->site->available())
            router.setFallback(
                [site = d->site.get()](const HttpRequest &request, const ResponderPtr &responder) {
                    return site->serve(request, responder);
                });
    }

    d->tidy();
    d->housekeeping.setInterval(3600 * 1000);
    QObject::connect(&d->housekeeping, &QTimer::timeout, this, [this] { d->tidy(); });
    d->housekeeping.start();

    if (!prepareTls(error) || !listenOn(d->config.host, d->config.port, error))
        return false;
    if (d->config.tlsRedirectPort > 0 && d->http->usesTls()) {
        d->redirect = std::make_unique<HttpsRedirect>(d->http->port());
        const QHostAddress address = d->config.host == QLatin1String("localhost")
                                         ? QHostAddress(QHostAddress::LocalHost)
                                         : QHostAddress(d->config.host);
        if (!d->redirect->listen(address, quint16(d->config.tlsRedirectPort))) {
            *error = QStringLiteral("cannot listen on port %1 for the HTTPS redirect: %2")
                         .arg(d->config.tlsRedirectPort)
                         .arg(d->redirect->errorString());
            return false;
        }
    }
    return true;
}

namespace {
bool applyTls(HearthServerPrivate &d, const std::optional<QSslConfiguration> &tls)
{
    if (!tls)
        return false;
    d.http->setTls(tls);
    d.tlsFingerprint = certificateFingerprint(tls->localCertificate());
    return true;
}
} // namespace

bool HearthServer::prepareTls(QString *error)
{
    const ServerConfig &config = d->config;
    if (config.tlsMode == QLatin1String("off"))
        return true;
    if (!config.tlsCert.isEmpty() || !config.tlsKey.isEmpty()) {
        if (config.tlsCert.isEmpty() || config.tlsKey.isEmpty()) {
            *error = QStringLiteral("HEARTH_TLS_CERT and HEARTH_TLS_KEY go together");
            return false;
        }
        return applyTls(*d, serverTlsFromFiles(config.tlsCert, config.tlsKey, error));
    }
    if (config.tlsMode == QLatin1String("self-signed"))
        return useSelfSignedTls(error);
    if (!config.tlsMode.isEmpty()) {
        *error = QStringLiteral("HEARTH_TLS must be self-signed or off");
        return false;
    }
    return true;
}

bool HearthServer::useSelfSignedTls(QString *error)
{
    if (d->config.tlsMode == QLatin1String("off") || !d->config.tlsCert.isEmpty())
        return true; // the admin decided
    const auto files = SelfSignedCertificate::ensure(
        QDir(d->config.dataDir).filePath(QStringLiteral("tls")), lanAddresses(), error);
    return files && applyTls(*d, serverTlsFromFiles(files->certPath, files->keyPath, error));
}

QString HearthServer::tlsFingerprint() const
{
    return d->http && d->http->usesTls() ? d->tlsFingerprint : QString();
}

bool HearthServer::listenOn(const QString &host, quint16 port, QString *error, Tls tls)
{
    const std::optional<QSslConfiguration> before = d->http->tls();
    if (tls == Tls::SelfSigned && !useSelfSignedTls(error))
        return false;
    if (tls == Tls::Plain)
        d->http->setTls(std::nullopt);
    if (!listenAt(host, port, error)) {
        d->http->setTls(before);
        return false;
    }
    d->context->tlsFingerprint = tlsFingerprint();
    return true;
}

bool HearthServer::listenAt(const QString &host, quint16 port, QString *error)
{
    QHostAddress address(host);
    if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    if (address.isNull()) {
        *error = QStringLiteral("SERVER_HOST \"%1\" is not an IP address").arg(host);
        return false;
    }
    if (!d->http->listen(address, port, error))
        return false;
    d->config.host = host;
    d->config.port = port;
    return true;
}

QJsonObject HearthServer::ownerSession(QString *error)
{
    ServerContext &ctx = *d->context;
    const auto users = ctx.users.list();
    if (!users) {
        *error = users.error().message;
        return {};
    }
    std::optional<User> owner;
    for (const User &user : users.value()) {
        if (user.role == Role::Admin && !user.disabled) {
            owner = user;
            break;
        }
    }
    if (!owner) {
        // No password: the owner is signed in by the app.
        const QString osUser = qEnvironmentVariable("USER");
        const auto stored =
            bootstrap::createPasswordlessAdmin(ctx, QStringLiteral("owner@hearth.local"),
                                               osUser.isEmpty() ? QStringLiteral("Owner") : osUser);
        if (!stored) {
            *error = stored.error().message;
            return {};
        }
        owner = stored.value();
    }
    TokenService tokens(ctx);
    auto session = tokens.issueForLogin(*owner);
    if (!session) {
        *error = session.error().message;
        return {};
    }
    QJsonObject json = session.value();
    json.insert(QStringLiteral("user"), meJson(*owner));
    return json;
}

void HearthServer::shutdown(int graceMs)
{
    if (d->shuttingDown)
        return;
    d->shuttingDown = true;
    if (d->http)
        d->http->stopListening();
    d->redirect.reset();
    if (!d->streams || d->streams->count() == 0) {
        QTimer::singleShot(0, this, &HearthServer::stopped);
        return;
    }
    connect(d->streams.get(), &StreamTracker::idle, this, &HearthServer::stopped);
    QTimer::singleShot(graceMs, d->streams.get(), &StreamTracker::stopAll);
}

QStringList HearthServer::routes() const
{
    QStringList list;
    if (d->http) {
        for (const Router::RouteInfo &route : d->http->router().routes())
            list << QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
    }
    return list;
}

quint16 HearthServer::port() const
{
    return d->http ? d->http->port() : 0;
}

QString HearthServer::baseUrl() const
{
    QString host = d->config.host;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3")
        .arg(d->http && d->http->usesTls() ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(port());
}

} // namespace hearth
