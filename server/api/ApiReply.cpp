#include "api/ApiReply.h"

#include <QtCore/QJsonDocument>

namespace hearth {

void replyError(const ResponderPtr &responder, const ApiError &error)
{
    HeaderList headers;
    if (error.retryAfterSeconds > 0)
        headers.append(
            qMakePair(QByteArray("Retry-After"), QByteArray::number(error.retryAfterSeconds)));
    if (error.status == 401)
        headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
    responder->sendError(error.status, error.code, error.message, error.details, headers);
}

void replyJson(const ResponderPtr &responder, int status, const QJsonObject &body,
               const HeaderList &extra)
{
    responder->sendJson(status, QJsonDocument(body), extra);
}

void replyJson(const ResponderPtr &responder, int status, const QJsonArray &body,
               const HeaderList &extra)
{
    responder->sendJson(status, QJsonDocument(body), extra);
}

std::optional<QJsonObject> readJsonObject(const HttpRequest &request, const ResponderPtr &responder)
{
    const JsonBody body = parseJsonBody(request);
    switch (body.problem) {
    case JsonBody::Problem::None:
        return body.object;
    case JsonBody::Problem::NotJsonMediaType:
        replyError(responder, ApiError::unsupportedMediaType());
        return std::nullopt;
    case JsonBody::Problem::Malformed:
    case JsonBody::Problem::NotAnObject:
        replyError(responder, ApiError::invalidJson(body.message));
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<int> readLimit(const HttpRequest &request, int fallback, int ceiling,
                             QStringList &errors)
{
    if (!request.query.hasQueryItem(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > ceiling) {
        errors << QStringLiteral("limit must be a whole number from 1 to %1").arg(ceiling);
        return std::nullopt;
    }
    return limit;
}

} // namespace hearth
