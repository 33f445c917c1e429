#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QStringList>

namespace hearth {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Cross-origin rules in one place. Only origins listed in
// CORS_ALLOWED_ORIGINS get CORS headers; there is no wildcard unless "*" is
// listed explicitly (and then credentials are never allowed). A preflight
// allows the request headers of CORS_ALLOWED_HEADERS, by default those that
// browser clients of this API send (defaultAllowedHeaders).
class CorsPolicy
{
public:
    // allowedHeaders: names, "prefix-*" for a family, "*" for any; empty:
    // defaultAllowedHeaders().
    explicit CorsPolicy(QStringList allowedOrigins = {}, QStringList allowedHeaders = {});

    static QStringList defaultAllowedHeaders();

    bool allows(const QByteArray &origin) const;
    // Headers for an ordinary response to a request from `origin`.
    HeaderList responseHeaders(const QByteArray &origin) const;
    // Headers a preflight (OPTIONS) answer adds to responseHeaders();
    // `requestedHeaders` is its Access-Control-Request-Headers.
    HeaderList preflightHeaders(const QByteArray &origin, const QByteArray &requestedHeaders) const;

private:
    bool allowsHeader(const QByteArray &lowerCaseName) const;

    QList<QByteArray> m_origins;
    bool m_anyOrigin = false;
    QList<QByteArray> m_headers;        // lower case
    QByteArray m_listedHeaders;         // as configured, for a preflight that names none
    QList<QByteArray> m_headerPrefixes; // lower case, from "prefix-*"
    bool m_anyHeader = false;
};

} // namespace hearth
