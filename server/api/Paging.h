#pragma once

#include "api/Cursor.h"
#include "http/CorsPolicy.h"
#include "http/HttpRequest.h"

#include <QtCore/QStringList>

namespace hearth {

// `Link: <path?…&before=cursor>; rel="next"` for the page after this one.
QByteArray nextPageLink(const HttpRequest &request, const QString &cursor,
                        const QString &cursorParameter = QStringLiteral("before"));

// ?before=<cursor>; records a validation error for a made-up cursor.
std::optional<Cursor> readCursor(const HttpRequest &request, QStringList &errors,
                                 const QString &parameter = QStringLiteral("before"));

// ?from=&to= as RFC 3339 times (epoch ms; 0 when absent); records errors.
std::optional<qint64> readTime(const HttpRequest &request, const QString &parameter,
                               QStringList &errors);

} // namespace hearth
