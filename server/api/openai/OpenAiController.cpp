#include "api/openai/OpenAiController.h"

#include "api/ServerContext.h"
#include "api/auth/Authenticator.h"
#include "api/chat/ChatAdmission.h"
#include "api/openai/OpenAiCompat.h"
#include "api/openai/OpenAiRelay.h"
#include "http/JsonBody.h"
#include "llm/ChatProvider.h"

namespace hearth {

void OpenAiController::registerRoutes(Router &router)
{
    router.add(
        "POST", QStringLiteral("/v1/chat/completions"),
        m_auth.require([this](const HttpRequest &r, const ResponderPtr &p,
                              const Caller &c) { complete(r, p, c); },
                       [](const ResponderPtr &p, const ApiError &e) { replyOpenAiError(p, e); }));
}

void OpenAiController::complete(const HttpRequest &request, const ResponderPtr &responder,
                                const Caller &caller)
{
    const JsonBody json = parseJsonBody(request);
    if (!json.ok()) {
        replyOpenAiError(responder, ApiError::invalidJson(json.message));
        return;
    }
    ApiError error;
    QString param;
    const auto body = parseOpenAiChat(json.object, &error, &param);
    if (!body) {
        replyOpenAiError(responder, error, param);
        return;
    }
    const QList<ChatProvider *> providers = m_context.providers->candidates(body->request.model);
    if (providers.isEmpty()) {
        replyOpenAiError(
            responder,
            ApiError{404,
                     QStringLiteral("NOT_FOUND"),
                     QStringLiteral("The model `%1` does not exist or no provider serves it")
                         .arg(body->request.model),
                     {},
                     0},
            QStringLiteral("model"));
        return;
    }
    HeaderList limitHeaders;
    const auto admitted =
        ChatAdmission(m_context).admit(caller, request.header("accept-language"), &limitHeaders);
    if (!admitted) {
        responder->addHeaders(limitHeaders);
        replyOpenAiError(responder, admitted.error());
        return;
    }
    responder->addHeaders(admitted->headers);
    OpenAiRelay::Setup setup;
    setup.responder = responder;
    setup.stream = body->stream;
    setup.includeUsage = body->includeUsage;
    for (ChatProvider *provider : providers)
        setup.candidates << provider;
    setup.request = body->request;
    setup.request.passthroughBody = request.body;
    setup.userId = caller.id;
    setup.apiKeyId = caller.apiKeyId;
    auto *relay = new OpenAiRelay(m_context, std::move(setup), this);
    relay->start();
}

} // namespace hearth
