#include "api/admin/AdminUsersController.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/Paging.h"
#include "api/ServerContext.h"
#include "api/auth/Authenticator.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "core/ServerSettings.h"
#include "http/Validator.h"

#include <QtConcurrent/QtConcurrentRun>

namespace hearth {

void AdminUsersController::registerRoutes(Router &router)
{
    auto bind =
        [this](void (AdminUsersController::*method)(const HttpRequest &, const ResponderPtr &)) {
            return m_auth.requireAdmin([this, method](const HttpRequest &r, const ResponderPtr &p,
                                                      const Caller &) { (this->*method)(r, p); });
        };
    router.add("GET", QStringLiteral("/v1/admin/users"), bind(&AdminUsersController::list));
    router.add("POST", QStringLiteral("/v1/admin/users"), bind(&AdminUsersController::create));
    router.add("GET", QStringLiteral("/v1/admin/users/:id"), bind(&AdminUsersController::get));
    router.add("PATCH", QStringLiteral("/v1/admin/users/:id"), bind(&AdminUsersController::update));
    router.add("DELETE", QStringLiteral("/v1/admin/users/:id"),
               bind(&AdminUsersController::remove));
}

Outcome<User> AdminUsersController::findUser(const QString &id)
{
    const auto found = m_context.users.findById(id);
    if (!found)
        return found.error();
    if (!found.value())
        return ApiError::notFound(QStringLiteral("User"));
    return *found.value();
}

void AdminUsersController::list(const HttpRequest &request, const ResponderPtr &responder)
{
    QStringList errors;
    const auto limit = readLimit(request, 50, 200, errors);
    const auto cursor = readCursor(request, errors, QStringLiteral("after"));
    if (!errors.isEmpty()) {
        replyError(responder, ApiError::validation(errors));
        return;
    }
    auto users = m_context.users.page(*limit, cursor->time, cursor->id);
    if (!users) {
        replyError(responder, users.error());
        return;
    }
    replyPage(
        request, responder, users.value(), *limit, adminUserJson,
        [](const User &u) {
            return Cursor{u.createdAt, u.id};
        },
        QStringLiteral("after"));
}

void AdminUsersController::create(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    User user;
    const auto email = v.email(QStringLiteral("email"));
    const auto password = v.text(QStringLiteral("password"), true, 8, 128);
    const auto name = v.text(QStringLiteral("name"), false, 0, 100);
    const auto role = v.text(QStringLiteral("role"), false, 1, 10);
    if (role && *role != QLatin1String("admin") && *role != QLatin1String("user"))
        v.fail(QStringLiteral("role must be \"admin\" or \"user\""));
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    user.id = newId();
    user.email = email->toLower();
    user.name = name ? name->trimmed() : user.email.section(QLatin1Char('@'), 0, 0);
    user.role = roleFromName(role.value_or(QStringLiteral("user")));
    user.createdAt = Clock::system().nowMs();
    const PasswordHasher hasher = m_context.hasher;
    QtConcurrent::run(&m_context.workers, [hasher, pw = *password] {
        return hasher.hash(pw);
    }).then(this, [this, responder, user](const QByteArray &hash) mutable {
        user.passwordHash = QString::fromLatin1(hash);
        const auto created = m_context.users.create(user);
        if (!created) {
            replyError(responder, created.error());
            return;
        }
        replyJson(responder, 201, adminUserJson(created.value()),
                  {{"Location", "/v1/admin/users/" + user.id.toUtf8()}});
    });
}

void AdminUsersController::get(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto user = findUser(request.param(QStringLiteral("id")));
    if (!user) {
        replyError(responder, user.error());
        return;
    }
    replyJson(responder, 200, adminUserJson(user.value()));
}

bool AdminUsersController::wouldRemoveLastAdmin(const User &before, const User &after,
                                                const ResponderPtr &responder)
{
    const bool wasActiveAdmin = before.role == Role::Admin && !before.disabled;
    const bool staysActiveAdmin = after.role == Role::Admin && !after.disabled;
    if (!wasActiveAdmin || staysActiveAdmin)
        return false;
    const auto admins = m_context.users.countEnabledAdmins();
    if (!admins) {
        replyError(responder, admins.error());
        return true;
    }
    if (admins.value() <= 1) {
        replyError(responder, ApiError::conflict(QStringLiteral(
                                  "This is the last administrator; make someone else an "
                                  "administrator first")));
        return true;
    }
    return false;
}

void AdminUsersController::update(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    const auto found = findUser(request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    const User before = found.value();
    User user = before;
    Validator v(*body);
    if (const auto name = v.text(QStringLiteral("name"), false, 0, 100))
        user.name = name->trimmed();
    if (const auto role = v.text(QStringLiteral("role"), false, 1, 10)) {
        if (*role != QLatin1String("admin") && *role != QLatin1String("user"))
            v.fail(QStringLiteral("role must be \"admin\" or \"user\""));
        else
            user.role = roleFromName(*role);
    }
    if (const auto disabled = v.boolean(QStringLiteral("disabled")))
        user.disabled = *disabled;
    const auto password = v.text(QStringLiteral("password"), false, 8, 128);
    if (v.has(QStringLiteral("quota"))) {
        const QJsonValue quota = body->value(QStringLiteral("quota"));
        QStringList errors;
        TokenQuota q{user.dailyTokenQuota, user.monthlyTokenQuota, user.storageQuotaBytes};
        if (quota.isNull())
            q = {};
        else if (!quota.isObject())
            errors << QStringLiteral("quota must be an object or null");
        else
            q = readQuota(quota.toObject(), q, QStringLiteral("quota"), errors);
        for (const QString &error : std::as_const(errors))
            v.fail(error);
        user.dailyTokenQuota = q.dailyTokens;
        user.monthlyTokenQuota = q.monthlyTokens;
        user.storageQuotaBytes = q.storageBytes;
    }
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    if (wouldRemoveLastAdmin(before, user, responder))
        return;
    const bool endSessions =
        user.role != before.role || user.disabled != before.disabled || password;
    store(responder, user, endSessions, password);
}

void AdminUsersController::store(const ResponderPtr &responder, User changed, bool endSessions,
                                 const std::optional<QString> &newPassword)
{
    auto finish = [this, responder, endSessions](const User &user) {
        auto done = m_context.users.update(user, endSessions);
        if (done && endSessions)
            done = m_context.refreshTokens.revokeAllOfUser(user.id, Clock::system().nowMs());
        if (!done) {
            replyError(responder, done.error());
            return;
        }
        const auto reloaded = findUser(user.id);
        if (!reloaded) {
            replyError(responder, reloaded.error());
            return;
        }
        replyJson(responder, 200, adminUserJson(reloaded.value()));
    };
    if (!newPassword) {
        finish(changed);
        return;
    }
    const PasswordHasher hasher = m_context.hasher;
    QtConcurrent::run(&m_context.workers, [hasher, pw = *newPassword] {
        return hasher.hash(pw);
    }).then(this, [changed, finish](const QByteArray &hash) mutable {
        changed.passwordHash = QString::fromLatin1(hash);
        finish(changed);
    });
}

void AdminUsersController::remove(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto found = findUser(request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    User gone = found.value();
    gone.disabled = true;
    if (wouldRemoveLastAdmin(found.value(), gone, responder))
        return;
    const auto removed = m_context.users.remove(found->id);
    if (!removed) {
        replyError(responder, removed.error());
        return;
    }
    responder->sendEmpty(204);
}

} // namespace hearth
