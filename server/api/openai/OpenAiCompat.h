#pragma once

#include "core/ApiError.h"
#include "http/Responder.h"
#include "llm/ChatTypes.h"

#include <QtCore/QJsonObject>

namespace hearth {

// The OpenAI wire format for /v1/chat/completions: errors as
// {"error": {message, type, param, code}}, requests into ChatRequest.
QJsonObject openAiError(const ApiError &error, const QString &param = {});
void replyOpenAiError(const ResponderPtr &responder, const ApiError &error,
                      const QString &param = {});

struct OpenAiChatBody
{
    ChatRequest request;
    bool stream = false;
    bool includeUsage = false;
};

// nullopt and `error`/`param` set when the body is not a valid request.
std::optional<OpenAiChatBody> parseOpenAiChat(const QJsonObject &body, ApiError *error,
                                              QString *param);

} // namespace hearth
