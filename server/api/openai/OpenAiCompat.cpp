#include "api/openai/OpenAiCompat.h"

#include "core/TokenEstimator.h"
#include "llm/ChatStream.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace hearth {

QJsonObject openAiError(const ApiError &e, const QString &param)
{
    QString type = QStringLiteral("invalid_request_error");
    QJsonValue code;
    if (e.status == 401)
        code = QStringLiteral("invalid_api_key");
    else if (e.status == 403)
        type = QStringLiteral("permission_error");
    else if (e.status == 404)
        code = QStringLiteral("model_not_found");
    else if (e.code == QLatin1String("RATE_LIMITED"))
        type = QStringLiteral("rate_limit_error"), code = QStringLiteral("rate_limit_exceeded");
    else if (e.code == QLatin1String("QUOTA_EXCEEDED"))
        type = QStringLiteral("insufficient_quota"), code = QStringLiteral("insufficient_quota");
    else if (e.status >= 500)
        type = QStringLiteral("api_error"), code = e.code.toLower();
    QString message = e.message;
    if (!e.details.isEmpty())
        message += QStringLiteral(": ") + e.details.join(QStringLiteral("; "));
    return {
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("message"), message},
                     {QStringLiteral("type"), type},
                     {QStringLiteral("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param)},
                     {QStringLiteral("code"), code}}}};
}

void replyOpenAiError(const ResponderPtr &responder, const ApiError &error, const QString &param)
{
    HeaderList headers;
    if (error.retryAfterSeconds > 0)
        headers.append(
            qMakePair(QByteArray("Retry-After"), QByteArray::number(error.retryAfterSeconds)));
    responder->sendJson(error.status, QJsonDocument(openAiError(error, param)), headers);
}

namespace {

ApiError invalid(const QString &message)
{
    return {400, QStringLiteral("VALIDATION_ERROR"), message, {}, 0};
}

// The text of a message's content (a string, null, or a list of parts of
// any type), for the demo provider and usage estimates; nullopt when it is
// none of those. Parts that are not text (images, audio, files) are the
// provider's business and pass through untouched.
std::optional<QString> contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    if (content.isNull() || content.isUndefined())
        return QString();
    if (!content.isArray())
        return std::nullopt;
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        if (!part.isObject())
            return std::nullopt;
        text += part.toObject().value(QLatin1String("text")).toString();
    }
    return text;
}

} // namespace

std::optional<OpenAiChatBody> parseOpenAiChat(const QJsonObject &body, ApiError *error,
                                              QString *param)
{
    OpenAiChatBody out;
    auto fail = [&](const QString &field, const QString &message) {
        *param = field;
        *error = invalid(message);
        return std::nullopt;
    };
    const QJsonValue model = body.value(QLatin1String("model"));
    if (!model.isString() || model.toString().trimmed().isEmpty() || model.toString().size() > 200)
        return fail(QStringLiteral("model"), QStringLiteral("model is required"));
    out.request.model = model.toString().trimmed();
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty() || messages.toArray().size() > 10000)
        return fail(QStringLiteral("messages"),
                    QStringLiteral("messages must be a non-empty array"));
    static const QStringList roles{QStringLiteral("system"), QStringLiteral("developer"),
                                   QStringLiteral("user"),   QStringLiteral("assistant"),
                                   QStringLiteral("tool"),   QStringLiteral("function")};
    for (const QJsonValue &value : messages.toArray()) {
        const QJsonObject m = value.toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        if (!roles.contains(role))
            return fail(QStringLiteral("messages"),
                        QStringLiteral("each message needs a role: system, developer, user, "
                                       "assistant or tool"));
        const auto text = contentText(m.value(QLatin1String("content")));
        if (!text)
            return fail(QStringLiteral("messages"),
                        QStringLiteral("a message's content must be a string, null or a list "
                                       "of content parts"));
        out.request.messages << ChatMessage{
            role == QLatin1String("developer") ? QStringLiteral("system") : role,
            *text + toolCallText(m)};
    }
    if (body.contains(QLatin1String("temperature")) &&
        !body.value(QLatin1String("temperature")).isNull()) {
        const QJsonValue t = body.value(QLatin1String("temperature"));
        if (!t.isDouble() || t.toDouble() < 0 || t.toDouble() > 2)
            return fail(QStringLiteral("temperature"),
                        QStringLiteral("temperature must be a number from 0 to 2"));
        out.request.temperature = t.toDouble();
    }
    if (body.contains(QLatin1String("top_p")) && !body.value(QLatin1String("top_p")).isNull()) {
        const QJsonValue t = body.value(QLatin1String("top_p"));
        if (!t.isDouble() || t.toDouble() < 0 || t.toDouble() > 1)
            return fail(QStringLiteral("top_p"),
                        QStringLiteral("top_p must be a number from 0 to 1"));
        out.request.topP = t.toDouble();
    }
    for (const char *name : {"max_tokens", "max_completion_tokens"}) {
        const QJsonValue t = body.value(QLatin1String(name));
        if (t.isUndefined() || t.isNull())
            continue;
        const double d = t.toDouble(-1);
        if (!t.isDouble() || d < 1 || d > 128000 || d != int(d))
            return fail(QLatin1String(name),
                        QStringLiteral("%1 must be a whole number from 1 to 128000")
                            .arg(QLatin1String(name)));
        out.request.maxTokens = int(d);
    }
    const QJsonValue stop = body.value(QLatin1String("stop"));
    if (stop.isString()) {
        out.request.stop << stop.toString();
    } else if (stop.isArray()) {
        for (const QJsonValue &s : stop.toArray()) {
            if (!s.isString() || out.request.stop.size() >= 4)
                return fail(QStringLiteral("stop"),
                            QStringLiteral("stop must be a string or up to 4 strings"));
            out.request.stop << s.toString();
        }
    } else if (!stop.isUndefined() && !stop.isNull()) {
        return fail(QStringLiteral("stop"),
                    QStringLiteral("stop must be a string or up to 4 strings"));
    }
    const QJsonValue n = body.value(QLatin1String("n"));
    if (!n.isUndefined() && !n.isNull() && n.toDouble() != 1)
        return fail(QStringLiteral("n"), QStringLiteral("only n = 1 is supported"));
    const QJsonValue stream = body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return fail(QStringLiteral("stream"), QStringLiteral("stream must be true or false"));
    out.stream = stream.toBool();
    out.includeUsage = body.value(QLatin1String("stream_options"))
                           .toObject()
                           .value(QLatin1String("include_usage"))
                           .toBool();
    // The provider reads these as part of the prompt.
    for (const char *member : {"tools", "functions", "response_format"}) {
        const QJsonValue value = body.value(QLatin1String(member));
        if (value.isObject() || value.isArray())
            out.request.extraPromptTokens +=
                estimateTokens(QString::fromUtf8((value.isObject() ? QJsonDocument(value.toObject())
                                                                   : QJsonDocument(value.toArray()))
                                                     .toJson(QJsonDocument::Compact)));
    }
    return out;
}

} // namespace hearth
