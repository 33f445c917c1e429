#include "http/JsonBody.h"

#include <QtCore/QJsonDocument>

namespace hearth {

JsonBody parseJsonBody(const HttpRequest &request)
{
    JsonBody result;
    const QByteArray type = request.header("content-type").toLower();
    // The original clients always send application/json; a body sent as a
    // form or text is refused rather than guessed at.
    if (!request.body.trimmed().isEmpty() && !type.isEmpty() &&
        !type.startsWith("application/json") && !type.contains("+json")) {
        result.problem = JsonBody::Problem::NotJsonMediaType;
        result.message = QStringLiteral("Send the body as application/json");
        return result;
    }
    if (request.body.trimmed().isEmpty())
        return result;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        result.problem = JsonBody::Problem::Malformed;
        result.message = QStringLiteral("The body is not valid JSON (%1 at offset %2)")
                             .arg(error.errorString())
                             .arg(error.offset);
        return result;
    }
    if (!doc.isObject()) {
        result.problem = JsonBody::Problem::NotAnObject;
        result.message = QStringLiteral("The body must be a JSON object");
        return result;
    }
    result.object = doc.object();
    return result;
}

} // namespace hearth
