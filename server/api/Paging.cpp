#include "api/Paging.h"

#include "core/TimeFormat.h"

#include <QtCore/QUrl>

namespace hearth {

QByteArray nextPageLink(const HttpRequest &request, const QString &cursor,
                        const QString &cursorParameter)
{
    QUrlQuery query = request.query;
    query.removeAllQueryItems(cursorParameter);
    query.addQueryItem(cursorParameter, cursor);
    QUrl url;
    url.setPath(request.path);
    url.setQuery(query);
    return '<' + url.toString(QUrl::FullyEncoded).toUtf8() + ">; rel=\"next\"";
}

std::optional<Cursor> readCursor(const HttpRequest &request, QStringList &errors,
                                 const QString &parameter)
{
    const QString text = request.queryValue(parameter);
    if (text.isEmpty())
        return Cursor{};
    const auto cursor = Cursor::decode(text);
    if (!cursor)
        errors << QStringLiteral("%1 must be a cursor from a previous page's Link header")
                      .arg(parameter);
    return cursor;
}

std::optional<qint64> readTime(const HttpRequest &request, const QString &parameter,
                               QStringList &errors)
{
    const QString text = request.queryValue(parameter);
    if (text.isEmpty())
        return qint64(0);
    const auto time = parseRfc3339(text);
    if (!time) {
        errors << QStringLiteral("%1 must be a time like 2026-11-22T09:15:02Z").arg(parameter);
        return std::nullopt;
    }
    return time;
}

} // namespace hearth
