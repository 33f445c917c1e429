#include "api/chat/MessageController.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/Paging.h"
#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "api/attachments/AttachmentParts.h"
#include "api/auth/Authenticator.h"
#include "api/chat/ChatAdmission.h"
#include "api/chat/ChatRelay.h"
#include "api/chat/ChatTurn.h"
#include "core/Cursor.h"
#include "http/Validator.h"
#include "llm/ChatProvider.h"
#include "llm/DemoProvider.h"
#include "storage/AttachmentRepository.h"

#include <QtCore/QJsonArray>

namespace hearth {

namespace {
constexpr int defaultContextTokens = 16384;
constexpr int maxAttachments = 10; // with one message
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
    const auto attachments = m_context.attachments.listForConversation(found->id);
    if (!attachments) {
        replyError(responder, attachments.error());
        return;
    }
    QHash<QString, QList<AttachmentRecord>> attachedTo;
    for (const AttachmentRecord &a : attachments.value())
        attachedTo[a.messageId].append(a);
    QJsonArray array;
    for (const Message &m : page.value()) {
        const QList<AttachmentRecord> attached = attachedTo.value(m.id);
        array.append(messageJson(
            m, attached,
            attached.isEmpty() ? 0
                               : AttachmentParts::maxDocumentCharacters(contextTokensOf(m.model))));
    }
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
    return contextTokensOf(m_context.providers->model(model));
}

int MessageController::contextTokensOf(const std::optional<ModelInfo> &model)
{
    return model && model->context > 0 ? model->context : defaultContextTokens;
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
    // A picture or a file may go without words.
    const bool withFiles = !body->value(QStringLiteral("attachments")).toArray().isEmpty();
    const auto content = v.text(QStringLiteral("content"), !withFiles, withFiles ? 0 : 1, 100000);
    const auto model = v.text(QStringLiteral("model"), false, 0, 200);
    const auto temperature = v.number(QStringLiteral("temperature"), 0, 2);
    const auto maxTokens = v.integer(QStringLiteral("maxTokens"), 1, 128000);
    const auto stream = v.boolean(QStringLiteral("stream"));
    QStringList attachmentIds;
    if (body->contains(QStringLiteral("attachments"))) {
        const QJsonValue ids = body->value(QStringLiteral("attachments"));
        bool valid = ids.isArray() && ids.toArray().size() <= maxAttachments;
        for (const QJsonValue &id : ids.toArray()) {
            valid =
                valid && id.isString() && !id.toString().isEmpty() && id.toString().size() <= 64;
            attachmentIds << id.toString();
        }
        if (!valid)
            v.fail(QStringLiteral("attachments must be a list of at most %1 attachment ids")
                       .arg(maxAttachments));
        attachmentIds.removeDuplicates();
    }
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
    // Refused here, before the question is kept or anything is sent: not
    // as the provider's 400 after the fact.
    const auto modelInfo = m_context.providers->model(modelId);
    const bool seesPictures = !modelInfo || modelInfo->vision != false;
    if (!seesPictures) {
        const auto pictures = m_context.attachments.countPictures(attachmentIds, user.id);
        if (!pictures) {
            replyError(responder, pictures.error());
            return;
        }
        if (pictures.value() > 0) {
            replyError(responder, ApiError{422,
                                           QStringLiteral("MODEL_CANNOT_SEE_IMAGES"),
                                           QStringLiteral("%1 reads text only and cannot see "
                                                          "pictures. Choose a model that can, or "
                                                          "remove the picture.")
                                               .arg(modelId),
                                           {},
                                           0});
            return;
        }
    }

    HeaderList limitHeaders;
    const auto admitted =
        ChatAdmission(m_context).admit(user, request.header("accept-language"), &limitHeaders);
    if (!admitted) {
        responder->addHeaders(limitHeaders);
        replyError(responder, admitted.error());
        return;
    }
    responder->addHeaders(admitted->headers);

    ChatTurn::Question question;
    question.conversationId = conversation.id;
    question.systemPrompt = conversation.systemPrompt;
    question.content = content.value_or(QString());
    question.model = modelId;
    question.temperature = temperature;
    question.maxTokens = maxTokens;
    question.contextTokens = contextTokensOf(modelInfo);
    question.modelSeesPictures = seesPictures;
    question.userId = user.id;
    question.attachmentIds = attachmentIds;
    UpstreamCall::Setup call;
    for (ChatProvider *provider : providers)
        call.candidates << provider;
    call.userId = user.id;
    call.apiKeyId = user.apiKeyId;
    const auto turn = ChatTurn::open(m_context, question, std::move(call), this);
    if (!turn) {
        replyError(responder, turn.error());
        return;
    }
    auto *relay = new ChatRelay(m_context, responder, streaming, turn.value(), this);
    relay->start();
}

} // namespace hearth
