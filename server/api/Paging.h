#pragma once

#include "core/Cursor.h"
#include "http/CorsPolicy.h"
#include "http/HttpRequest.h"
#include "http/Responder.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

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

// Answers a keyset page: `rows` holds up to limit + 1 rows (the extra one
// only says that another page exists, whose cursor is that of the last row
// shown), each turned into JSON by `toJson`.
template<typename Row, typename ToJson, typename CursorOf>
void replyPage(const HttpRequest &request, const ResponderPtr &responder, QList<Row> rows,
               int limit, ToJson toJson, CursorOf cursorOf,
               const QString &cursorParameter = QStringLiteral("before"))
{
    HeaderList headers;
    if (rows.size() > limit) {
        rows.resize(limit);
        headers.append(
            qMakePair(QByteArray("Link"),
                      nextPageLink(request, cursorOf(rows.constLast()).encode(), cursorParameter)));
    }
    QJsonArray array;
    for (const Row &row : std::as_const(rows))
        array.append(toJson(row));
    responder->sendJson(200, QJsonDocument(array), headers);
}

} // namespace hearth
