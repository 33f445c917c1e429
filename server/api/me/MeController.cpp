#include "api/me/MeController.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/Paging.h"
#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "api/UsageReports.h"
#include "api/auth/Authenticator.h"
#include "api/chat/ChatAdmission.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "http/Validator.h"
#include "security/Crypto.h"

#include <QtConcurrent/QtConcurrentRun>

namespace hearth {

void MeController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/me"),
               m_auth.require([](const HttpRequest &, const ResponderPtr &p, const Caller &me) {
                   replyJson(p, 200, meJson(me));
               }));
    router.add("PATCH", QStringLiteral("/v1/me"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   updateProfile(r, p, c);
               }));
    router.add("POST", QStringLiteral("/v1/me/password"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   changePassword(r, p, c);
               }));
    router.add("GET", QStringLiteral("/v1/me/usage"),
               m_auth.require([this](const HttpRequest &, const ResponderPtr &p, const Caller &c) {
                   usage(p, c);
               }));
    router.add("GET", QStringLiteral("/v1/me/usage/breakdown"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   replyUsageBreakdown(m_context, r, p, c.id);
               }));
    router.add("GET", QStringLiteral("/v1/me/usage/records"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   replyUsageRecords(m_context, r, p, c.id);
               }));
    router.add("GET", QStringLiteral("/v1/me/api-keys"),
               m_auth.require([this](const HttpRequest &, const ResponderPtr &p, const Caller &c) {
                   listKeys(p, c);
               }));
    router.add("POST", QStringLiteral("/v1/me/api-keys"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   createKey(r, p, c);
               }));
    router.add("DELETE", QStringLiteral("/v1/me/api-keys/:id"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   revokeKey(r, p, c);
               }));
}

void MeController::updateProfile(const HttpRequest &request, const ResponderPtr &responder,
                                 const Caller &me)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    User user = me;
    if (const auto name = v.text(QStringLiteral("name"), false, 0, 100))
        user.name = name->trimmed();
    if (const auto avatar = v.text(QStringLiteral("avatar"), false, 0, 2000))
        user.avatar = avatar->trimmed();
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    const auto stored = m_context.users.update(user, false);
    if (!stored) {
        replyError(responder, stored.error());
        return;
    }
    replyJson(responder, 200, meJson(user));
}

void MeController::changePassword(const HttpRequest &request, const ResponderPtr &responder,
                                  const Caller &me)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    const auto current = v.text(QStringLiteral("currentPassword"), true, 1, 128);
    const auto next = v.text(QStringLiteral("newPassword"), true, 8, 128);
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    const PasswordHasher hasher = m_context.hasher;
    const QByteArray stored = me.passwordHash.toLatin1();
    // Both the check and the new hash are slow on purpose: off the server thread.
    QtConcurrent::run(&m_context.workers,
                      [hasher, stored, current = *current, next = *next]() -> QByteArray {
                          return hasher.verify(stored, current) ? hasher.hash(next) : QByteArray();
                      })
        .then(this, [this, responder, me](const QByteArray &newHash) {
            if (newHash.isEmpty()) {
                replyError(responder, ApiError{400,
                                               QStringLiteral("VALIDATION_ERROR"),
                                               QStringLiteral("Validation failed"),
                                               {QStringLiteral("currentPassword is not correct")},
                                               0});
                return;
            }
            User user = me;
            user.passwordHash = QString::fromLatin1(newHash);
            // Every access token of the user ends; refresh tokens of other
            // logins are revoked, this login refreshes into the new version.
            auto done = m_context.users.update(user, true);
            if (done)
                done = m_context.refreshTokens.revokeAllOfUser(user.id, Clock::system().nowMs(),
                                                               me.sessionId);
            if (!done) {
                replyError(responder, done.error());
                return;
            }
            responder->sendEmpty(204);
        });
}

void MeController::usage(const ResponderPtr &responder, const Caller &me)
{
    const auto settings = m_context.settingsService->current();
    if (!settings) {
        replyError(responder, settings.error());
        return;
    }
    const CalendarBoundaries cal =
        CalendarBoundaries::at(Clock::system().nowMs(), settings->zone());
    const auto totals =
        m_context.usage.userTotals(me.id, {cal.todayStart, cal.weekStart, cal.monthStart});
    if (!totals) {
        replyError(responder, totals.error());
        return;
    }
    replyJson(responder, 200,
              {{QStringLiteral("today"), usageTotalsJson(totals->at(0))},
               {QStringLiteral("week"), usageTotalsJson(totals->at(1))},
               {QStringLiteral("month"), usageTotalsJson(totals->at(2))},
               {QStringLiteral("total"), usageTotalsJson(totals->at(3))},
               {QStringLiteral("timeZone"), settings->timeZone}});
}

void MeController::listKeys(const ResponderPtr &responder, const Caller &me)
{
    const auto keys = m_context.apiKeys.listForUser(me.id);
    if (!keys) {
        replyError(responder, keys.error());
        return;
    }
    QJsonArray array;
    for (const ApiKeyRecord &key : keys.value())
        array.append(apiKeyJson(key));
    replyJson(responder, 200, array);
}

// A leaked key must not outlive its revocation through keys it made, nor
// revoke the owner's other keys: managing keys takes a signed-in session. A
// key may still revoke itself.
static bool refuseKeyManagementByKey(const ResponderPtr &responder, const Caller &me)
{
    if (me.apiKeyId.isEmpty())
        return false;
    replyError(responder, ApiError::forbidden(QStringLiteral(
                              "A personal API key cannot create or revoke other keys; "
                              "sign in with your password to manage keys")));
    return true;
}

void MeController::createKey(const HttpRequest &request, const ResponderPtr &responder,
                             const Caller &me)
{
    if (refuseKeyManagementByKey(responder, me))
        return;
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    const auto name = v.text(QStringLiteral("name"), true, 1, 100);
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    const QString key = QStringLiteral("hk-") + QString::fromLatin1(crypto::randomToken(32));
    ApiKeyRecord record;
    record.id = newId();
    record.userId = me.id;
    record.name = name->trimmed();
    record.prefix = key.left(10);
    record.keyHash = QString::fromLatin1(crypto::sha256Hex(key.toLatin1()));
    record.createdAt = Clock::system().nowMs();
    const auto stored = m_context.apiKeys.insert(record);
    if (!stored) {
        replyError(responder, stored.error());
        return;
    }
    QJsonObject json = apiKeyJson(record);
    json.insert(QStringLiteral("key"), key); // the only time it is ever shown
    replyJson(responder, 201, json);
}

void MeController::revokeKey(const HttpRequest &request, const ResponderPtr &responder,
                             const Caller &me)
{
    const QString id = request.param(QStringLiteral("id"));
    if (id != me.apiKeyId && refuseKeyManagementByKey(responder, me))
        return;
    const auto revoked = m_context.apiKeys.revoke(me.id, id, Clock::system().nowMs());
    if (!revoked) {
        replyError(responder, revoked.error());
        return;
    }
    if (!revoked.value()) {
        replyError(responder, ApiError::notFound(QStringLiteral("API key")));
        return;
    }
    responder->sendEmpty(204);
}

} // namespace hearth
