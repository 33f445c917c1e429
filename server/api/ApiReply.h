#pragma once

#include "core/ApiError.h"
#include "http/JsonBody.h"
#include "http/Responder.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

namespace hearth {

void replyError(const ResponderPtr &responder, const ApiError &error);
void replyJson(const ResponderPtr &responder, int status, const QJsonObject &body,
               const HeaderList &extra = {});
void replyJson(const ResponderPtr &responder, int status, const QJsonArray &body,
               const HeaderList &extra = {});

// The body as a JSON object; answers 400 INVALID_JSON / 415 itself and
// returns nullopt when it is not one.
std::optional<QJsonObject> readJsonObject(const HttpRequest &request,
                                          const ResponderPtr &responder);

// Reads ?limit= with a default and a ceiling; records a validation error.
std::optional<int> readLimit(const HttpRequest &request, int fallback, int ceiling,
                             QStringList &errors);

} // namespace hearth
