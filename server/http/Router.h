#pragma once

#include "http/HttpRequest.h"
#include "http/Responder.h"

#include <QtCore/QStringList>

#include <functional>

namespace hearth {

using RouteHandler = std::function<void(const HttpRequest &, const ResponderPtr &)>;
// Answers a request no route matched, or returns false to leave it a 404.
using FallbackHandler = std::function<bool(const HttpRequest &, const ResponderPtr &)>;

// The route table: method + path pattern ("/v1/conversations/:id") to handler.
// Knowing every route lets unknown paths get a JSON 404 and known paths with
// the wrong method a JSON 405 with Allow — a bare parser gives neither.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, RouteHandler handler);
    // Asked about paths no route knows (the web client's files) before 404.
    void setFallback(FallbackHandler fallback) { m_fallback = std::move(fallback); }
    // Fills request.params and calls the handler, or answers 404/405 itself.
    void dispatch(HttpRequest &request, const ResponderPtr &responder) const;

    struct RouteInfo
    {
        QByteArray method;
        QString pattern;
    };
    QList<RouteInfo> routes() const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        RouteHandler handler;
    };
    static bool matches(const Route &route, const QStringList &segments,
                        QHash<QString, QString> *params);
    QList<Route> m_routes;
    FallbackHandler m_fallback;
};

} // namespace hearth
