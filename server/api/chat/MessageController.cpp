#include "api/chat/MessageController.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/Paging.h"
#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "api/auth/Authenticator.h"
#include "api/chat/ChatAdmission.h"
#include "api/chat/ChatRelay.h"
#include "core/Clock.h"
#include "core/Cursor.h"
#include "core/Ids.h"
#include "http/Validator.h"
#include "llm/ChatProvider.h"
#include "llm/DemoProvider.h"
#include "llm/HistoryBuilder.h"

#include <QtCore/QJsonArray>

#include <algorithm>

namespace hearth {

namespace {
constexpr int defaultContextTokens = 16384;
constexpr int defaultReplyReserve = 1024;
constexpr int historyWindow = 400; // newest messages considered for the context
} // namespace

void MessageController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/conversations/:id/messages"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &u) {
                   list(r, p, u);
               }));
    router.add("POST", QStringLiteral("/v1/conversations/:id/messages"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &u) {
                   send(r, p, u);
               }));
    router.add("POST", QStringLiteral("/v1/conversations/:id/rewind"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &u) {
                   rewind(r, p, u);
               }));
}

void MessageController::list(const HttpRequest &request, const ResponderPtr &responder,
                             const Caller &user)
{
    QStringList errors;
    const auto limit = readLimit(request, 100, 500, errors);
    const auto cursor = readCursor(request, errors);
    if (!errors.isEmpty()) {
        replyError(responder, ApiError::validation(errors));
        return;
    }
    const auto found =
        m_context.conversations.findOwned(user.id, request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    auto page = m_context.messages.page(found->id, *limit, cursor->time, cursor->id);
    if (!page) {
        replyError(responder, page.error());
        return;
    }
    HeaderList headers;
    if (page->size() > *limit) {
        page->removeFirst(); // the extra, older row only says that more exist
        const Message &oldest = page->constFirst();
        headers.append(
            qMakePair(QByteArray("Link"),
                      nextPageLink(request, Cursor{oldest.createdAt, oldest.id}.encode())));
    }
    QJsonArray array;
    for (const Message &m : page.value())
        array.append(messageJson(m));
    replyJson(responder, 200, array, headers);
}

void MessageController::rewind(const HttpRequest &request, const ResponderPtr &responder,
                               const Caller &user)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    const auto messageId = v.text(QStringLiteral("messageId"), true, 1, 64);
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    const auto conversation =
        m_context.conversations.findOwned(user.id, request.param(QStringLiteral("id")));
    if (!conversation) {
        replyError(responder, conversation.error());
        return;
    }
    const auto message = m_context.messages.find(conversation->id, *messageId);
    if (!message) {
        replyError(responder, message.error());
        return;
    }
    if (!message->has_value()) {
        replyError(responder, ApiError::notFound(QStringLiteral("Message")));
        return;
    }
    const auto streaming = m_context.messages.streamingFrom(*message.value());
    if (!streaming) {
        replyError(responder, streaming.error());
        return;
    }
    if (streaming.value() > 0) {
        replyError(responder, ApiError::conflict(QStringLiteral(
                                  "A reply after this message is still being written; stop it "
                                  "first")));
        return;
    }
    const auto removed = m_context.messages.removeFrom(*message.value());
    if (!removed) {
        replyError(responder, removed.error());
        return;
    }
    replyJson(responder, 200, QJsonObject{{QStringLiteral("deleted"), removed.value()}});
}

QString MessageController::defaultModel() const
{
    const auto settings = m_context.settingsService->current();
    return settings ? settings->defaultModel : m_context.config.defaultModel;
}

int MessageController::contextTokensOf(const QString &model) const
{
    for (const ModelInfo &info : m_context.providers->models()) {
        if (info.id == model && info.context > 0)
            return info.context;
    }
    return defaultContextTokens;
}

void MessageController::send(const HttpRequest &request, const ResponderPtr &responder,
                             const Caller &user)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return;
    Validator v(*body);
    const auto role = v.text(QStringLiteral("role"), true, 1, 32);
    if (role && *role != QLatin1String("user"))
        v.fail(QStringLiteral("role must be \"user\""));
    const auto content = v.text(QStringLiteral("content"), true, 1, 100000);
    const auto model = v.text(QStringLiteral("model"), false, 0, 200);
    const auto temperature = v.number(QStringLiteral("temperature"), 0, 2);
    const auto maxTokens = v.integer(QStringLiteral("maxTokens"), 1, 128000);
    const auto stream = v.boolean(QStringLiteral("stream"));
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return;
    }
    const bool streaming =
        stream.value_or(false) || request.header("accept").contains("text/event-stream");

    const auto found =
        m_context.conversations.findOwned(user.id, request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    const Conversation &conversation = found.value();

    QString modelId = model.value_or(QString()).trimmed();
    if (modelId.isEmpty())
        modelId = conversation.model;
    if (modelId.isEmpty())
        modelId = m_context.providers->defaultModel(defaultModel());
    const QList<ChatProvider *> providers = m_context.providers->candidates(modelId);
    if (providers.isEmpty()) {
        replyError(responder, ApiError::noProvider(modelId));
        return;
    }
    if (!m_context.providers->hasConfiguredProviders())
        modelId = DemoProvider::modelId; // say honestly who answers

    HeaderList limitHeaders;
    const auto admitted =
        ChatAdmission(m_context).admit(user, request.header("accept-language"), &limitHeaders);
    if (!admitted) {
        responder->addHeaders(limitHeaders);
        replyError(responder, admitted.error());
        return;
    }
    responder->addHeaders(admitted->headers);

    Message userMessage;
    userMessage.id = newId();
    userMessage.conversationId = conversation.id;
    userMessage.role = QStringLiteral("user");
    userMessage.content = *content;
    userMessage.model = modelId;
    userMessage.createdAt = Clock::system().nowMs();
    if (const auto stored = m_context.messages.insert(userMessage); !stored) {
        replyError(responder, stored.error());
        return;
    }
    const auto recent = m_context.messages.page(conversation.id, historyWindow, 0, {});
    if (!recent) {
        replyError(responder, recent.error());
        return;
    }

    Message reply;
    reply.id = newId();
    reply.conversationId = conversation.id;
    reply.role = QStringLiteral("assistant");
    reply.model = modelId;
    reply.finishReason = FinishReason::Streaming;
    // Strictly after the question, so the two never swap places in a listing.
    reply.createdAt = std::max(Clock::system().nowMs(), userMessage.createdAt + 1);
    if (const auto stored = m_context.messages.insert(reply); !stored) {
        replyError(responder, stored.error());
        return;
    }
    m_context.conversations.touch(conversation.id, reply.createdAt);

    ChatRelay::Setup setup;
    setup.responder = responder;
    setup.streaming = streaming;
    for (ChatProvider *provider : providers)
        setup.candidates << provider;
    setup.request.model = modelId;
    setup.request.temperature = temperature;
    setup.request.maxTokens = maxTokens;
    setup.request.messages =
        buildHistory(conversation.systemPrompt, recent.value(), contextTokensOf(modelId),
                     maxTokens.value_or(defaultReplyReserve));
    setup.userMessage = userMessage;
    setup.reply = reply;
    setup.userId = user.id;
    setup.apiKeyId = user.apiKeyId;
    auto *relay = new ChatRelay(m_context, std::move(setup), this);
    relay->start();
}

} // namespace hearth
