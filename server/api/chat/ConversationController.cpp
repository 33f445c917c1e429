#include "api/chat/ConversationController.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/Paging.h"
#include "api/ServerContext.h"
#include "api/auth/Authenticator.h"
#include "core/Clock.h"
#include "core/Cursor.h"
#include "core/Ids.h"
#include "http/Validator.h"

#include <QtCore/QUrl>

namespace hearth {

namespace {

constexpr int maxModelLength = 200;
constexpr int maxSystemPromptLength = 100000;
constexpr int maxIncludedMessages = 10000;

} // namespace

void ConversationController::registerRoutes(Router &router)
{
    auto bind = [this](auto method) {
        return m_auth.require([this, method](const HttpRequest &r, const ResponderPtr &p,
                                             const User &u) { (this->*method)(r, p, u); });
    };
    router.add("POST", QStringLiteral("/v1/conversations"), bind(&ConversationController::create));
    router.add("GET", QStringLiteral("/v1/conversations"), bind(&ConversationController::list));
    router.add("GET", QStringLiteral("/v1/conversations/:id"), bind(&ConversationController::get));
    router.add("PUT", QStringLiteral("/v1/conversations/:id"),
               bind(&ConversationController::update));
    router.add("PATCH", QStringLiteral("/v1/conversations/:id"),
               bind(&ConversationController::update));
    router.add("DELETE", QStringLiteral("/v1/conversations/:id"),
               bind(&ConversationController::remove));
}

void ConversationController::applyFields(Validator &v, Conversation &c)
{
    if (const auto metadata = v.object(QStringLiteral("metadata")))
        c.metadata = *metadata;
    if (const auto model = v.text(QStringLiteral("model"), false, 0, maxModelLength))
        c.model = model->trimmed();
    if (const auto prompt = v.text(QStringLiteral("systemPrompt"), false, 0, maxSystemPromptLength))
        c.systemPrompt = *prompt;
    if (const auto pinned = v.boolean(QStringLiteral("pinned")))
        c.pinned = *pinned;
    if (const auto archived = v.boolean(QStringLiteral("archived")))
        c.archived = *archived;
}

void ConversationController::create(const HttpRequest &request, const ResponderPtr &responder,
                                    const User &user)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    Conversation c;
    if (const auto title = v.text(QStringLiteral("title"), true, 1, 200))
        c.title = title->trimmed();
    applyFields(v, c);
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    c.id = newId();
    c.userId = user.id;
    c.createdAt = c.updatedAt = Clock::system().nowMs();
    const auto stored = m_context.conversations.insert(c);
    if (!stored) {
        replyError(responder, stored.error());
        return;
    }
    replyJson(responder, 201, conversationJson(c),
              {{"Location", "/v1/conversations/" + c.id.toUtf8()}});
}

void ConversationController::list(const HttpRequest &request, const ResponderPtr &responder,
                                  const User &user)
{
    QStringList errors;
    const auto limit = readLimit(request, 50, 100, errors);
    const auto cursor = readCursor(request, errors);
    const QString archived = request.queryValue(QStringLiteral("archived"));
    if (!archived.isEmpty() && archived != QLatin1String("true") &&
        archived != QLatin1String("false"))
        errors << QStringLiteral("archived must be true or false");
    if (!errors.isEmpty()) {
        replyError(responder, ApiError::validation(errors));
        return;
    }
    ConversationQuery query;
    query.userId = user.id;
    query.limit = *limit;
    query.beforeUpdatedAt = cursor->time;
    query.beforeId = cursor->id;
    query.search = request.queryValue(QStringLiteral("q")).trimmed().left(200);
    query.archived = archived == QLatin1String("true");
    auto rows = m_context.conversations.list(query);
    if (!rows) {
        replyError(responder, rows.error());
        return;
    }
    replyPage(request, responder, rows.value(), query.limit, conversationJson,
              [](const Conversation &c) {
                  return Cursor{c.updatedAt, c.id};
              });
}

void ConversationController::get(const HttpRequest &request, const ResponderPtr &responder,
                                 const User &user)
{
    const auto found =
        m_context.conversations.findOwned(user.id, request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    QJsonObject json = conversationJson(found.value());
    const QStringList include =
        request.queryValue(QStringLiteral("include")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (include.contains(QLatin1String("messages"))) {
        const auto page = m_context.messages.page(found->id, maxIncludedMessages, 0, {});
        if (!page) {
            replyError(responder, page.error());
            return;
        }
        QJsonArray messages;
        for (const Message &m : page.value())
            messages.append(messageJson(m));
        json.insert(QStringLiteral("messages"), messages);
    }
    replyJson(responder, 200, json);
}

void ConversationController::update(const HttpRequest &request, const ResponderPtr &responder,
                                    const User &user)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    const auto found =
        m_context.conversations.findOwned(user.id, request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    Conversation c = found.value();
    Validator v(*body);
    if (v.has(QStringLiteral("title"))) {
        if (const auto title = v.text(QStringLiteral("title"), true, 1, 200))
            c.title = title->trimmed();
    }
    applyFields(v, c);
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    c.updatedAt = Clock::system().nowMs();
    const auto stored = m_context.conversations.update(c);
    if (!stored) {
        replyError(responder, stored.error());
        return;
    }
    replyJson(responder, 200, conversationJson(c));
}

void ConversationController::remove(const HttpRequest &request, const ResponderPtr &responder,
                                    const User &user)
{
    const auto removed =
        m_context.conversations.remove(user.id, request.param(QStringLiteral("id")));
    if (!removed) {
        replyError(responder, removed.error());
        return;
    }
    if (!removed.value()) {
        replyError(responder, ApiError::notFound(QStringLiteral("Conversation")));
        return;
    }
    responder->sendEmpty(204);
}

} // namespace hearth
