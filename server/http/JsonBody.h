#pragma once

#include "http/HttpRequest.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace hearth {

// The request body as a JSON object, or why it is not one. An empty body
// counts as {} so that routes whose fields are all optional accept it.
struct JsonBody
{
    enum class Problem { None, NotJsonMediaType, Malformed, NotAnObject };
    Problem problem = Problem::None;
    QString message;
    QJsonObject object;
    bool ok() const { return problem == Problem::None; }
};

JsonBody parseJsonBody(const HttpRequest &request);

} // namespace hearth
