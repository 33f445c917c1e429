#pragma once

#include "core/Domain.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace hearth {

// More of a user message than its text: a picture (as a data: URL) or a
// document's text, sent after the text as OpenAI content parts.
// What a picture costs in a prompt, roughly: OpenAI counts 85 to about
// 1,100 tokens for one scaled to 2,048 px, other providers alike.
inline constexpr int estimatedImageTokens = 1000;

struct ChatPart
{
    QString text;     // a text part, or empty
    QString imageUrl; // an image_url part ("data:image/png;base64,…"), or empty
};

struct ChatMessage
{
    QString role;
    QString content;
    QList<ChatPart> parts; // none: content is sent as a plain string
};

struct ChatRequest
{
    QString model;
    QList<ChatMessage> messages;
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    std::optional<double> topP;
    QStringList stop;
    // From /v1/chat/completions: the caller's body, which an OpenAI-compatible
    // provider receives as it was sent but for the members Hearth owns
    // (model, stream, stream_options). `messages` above then only serves
    // the demo provider and usage estimates.
    QByteArray passthroughBody;
    // The rest of the prompt the provider reads, estimated for when it
    // reports no usage: an OpenAI caller's tool definitions and schema.
    int extraPromptTokens = 0;
};

struct ChatCompletion
{
    QString finishReason; // as the provider said: stop, length, ...
    TokenUsage usage;
};

struct ChatFailure
{
    enum class Kind { Upstream, Timeout };
    Kind kind = Kind::Upstream;
    int httpStatus = 0; // the provider's status, 0 when it never answered
    QString message;    // safe to show: secrets already redacted
    // The provider's own {"error": …} object when it refused the request,
    // secrets redacted: relayed as it is to OpenAI-compatible callers.
    QJsonObject providerError;
};

struct ModelInfo
{
    QString id;
    QString name;
    QString ownedBy;
    QString description;
    QString provider;
    int context = 0;
    int maxTokens = 0;
    qint64 created = 0;
    bool available = true;
    // Whether it accepts pictures; nullopt: nothing says (ModelVision.h).
    std::optional<bool> vision;
};

} // namespace hearth
