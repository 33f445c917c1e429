#include "api/admin/AdminDatabaseController.h"

#include "api/ApiReply.h"
#include "api/ServerContext.h"
#include "api/admin/DatabaseJob.h"
#include "api/admin/FileStream.h"
#include "api/auth/Authenticator.h"
#include "http/Validator.h"
#include "storage/DatabaseSpec.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>

namespace hearth {

namespace {
const QString busy = QStringLiteral("A backup or copy is already running");
} // namespace

AdminDatabaseController::AdminDatabaseController(ServerContext &context, const Authenticator &auth)
    : m_context(context)
    , m_auth(auth)
    , m_job(std::make_unique<DatabaseJob>(*context.db))
{}

AdminDatabaseController::~AdminDatabaseController() = default;

void AdminDatabaseController::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/admin/database/backup"),
               m_auth.requireAdmin([this](const HttpRequest &, const ResponderPtr &p,
                                          const Caller &) { backup(p); }));
    router.add("POST", QStringLiteral("/v1/admin/database/copy"),
               m_auth.requireAdmin([this](const HttpRequest &r, const ResponderPtr &p,
                                          const Caller &) { copy(r, p); }));
    router.add("GET", QStringLiteral("/v1/admin/database/job"),
               m_auth.requireAdmin([this](const HttpRequest &, const ResponderPtr &p,
                                          const Caller &) { replyJson(p, 200, m_job->state()); }));
    router.add("GET", QStringLiteral("/v1/admin/database/backup"),
               m_auth.requireAdmin([this](const HttpRequest &, const ResponderPtr &p,
                                          const Caller &) { download(p); }));
}

void AdminDatabaseController::backup(const ResponderPtr &responder)
{
    // In the data folder, named by the time: nothing is overwritten.
    const QDir folder(QDir(m_context.config.dataDir).filePath(QStringLiteral("backups")));
    if (!folder.mkpath(QStringLiteral("."))) {
        replyError(responder, ApiError::internal());
        return;
    }
    const QString file = folder.filePath(
        QStringLiteral("hearth-%1.db")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    if (!m_job->startBackup(file)) {
        replyError(responder, ApiError::conflict(busy));
        return;
    }
    replyJson(responder, 202, m_job->state());
}

void AdminDatabaseController::copy(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    const auto to = v.text(QStringLiteral("to"), true, 1, 2000);
    DatabaseSettings settings;
    if (to) {
        QString error;
        settings = parseDatabaseSpec(*to, &error);
        if (settings.driver.isEmpty())
            v.fail(QStringLiteral("to must be an SQLite file or a database URL such as "
                                  "postgres://user:password@host/name"));
        else if (describeDatabase(settings) == describeDatabase(m_context.db->settings()))
            v.fail(QStringLiteral("to is the database this server uses"));
    }
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    if (!m_job->startCopy(settings)) {
        replyError(responder, ApiError::conflict(busy));
        return;
    }
    replyJson(responder, 202, m_job->state());
}

void AdminDatabaseController::download(const ResponderPtr &responder)
{
    const QString file = m_job->lastBackup();
    if (file.isEmpty() || !QFileInfo::exists(file)) {
        replyError(responder, ApiError::notFound(QStringLiteral("Backup")));
        return;
    }
    (new FileStream(file, QByteArrayLiteral("application/vnd.sqlite3"), responder, m_context.jobs))
        ->start();
}

} // namespace hearth
