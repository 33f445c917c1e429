#include "http/Router.h"

namespace hearth {

namespace {
QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}
} // namespace

void Router::add(const QByteArray &method, const QString &pattern, RouteHandler handler)
{
    m_routes.append({method, pattern, splitPath(pattern), std::move(handler)});
}

QList<Router::RouteInfo> Router::routes() const
{
    QList<RouteInfo> list;
    for (const Route &route : m_routes)
        list.append({route.method, route.pattern});
    return list;
}

bool Router::matches(const Route &route, const QStringList &segments,
                     QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &expected = route.segments.at(i);
        if (expected.startsWith(QLatin1Char(':')))
            found.insert(expected.mid(1), segments.at(i));
        else if (expected != segments.at(i))
            return false;
    }
    *params = found;
    return true;
}

void Router::dispatch(HttpRequest &request, const ResponderPtr &responder) const
{
    const QStringList segments = splitPath(request.path);
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    QList<QByteArray> allowed;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matches(route, segments, &params))
            continue;
        if (route.method == method) {
            request.params = params;
            route.handler(request, responder);
            return;
        }
        if (!allowed.contains(route.method))
            allowed << route.method;
    }
    if (!allowed.isEmpty()) {
        if (allowed.contains("GET"))
            allowed << "HEAD";
        allowed << "OPTIONS";
        responder->sendError(405, QStringLiteral("METHOD_NOT_ALLOWED"),
                             QStringLiteral("%1 is not allowed on %2")
                                 .arg(QString::fromLatin1(request.method), request.path),
                             {}, {{"Allow", allowed.join(", ")}});
        return;
    }
    if (m_fallback && m_fallback(request, responder))
        return;
    responder->sendError(
        404, QStringLiteral("NOT_FOUND"),
        QStringLiteral("There is no %1 %2").arg(QString::fromLatin1(request.method), request.path));
}

} // namespace hearth
