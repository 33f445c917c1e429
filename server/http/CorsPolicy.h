#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QStringList>

namespace hearth {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Cross-origin rules in one place. Only origins listed in
// CORS_ALLOWED_ORIGINS get CORS headers; there is no wildcard unless "*" is
// listed explicitly (and then credentials are never allowed).
class CorsPolicy
{
public:
    explicit CorsPolicy(QStringList allowedOrigins = {});

    bool allows(const QByteArray &origin) const;
    // Headers for an ordinary response to a request from `origin`.
    HeaderList responseHeaders(const QByteArray &origin) const;
    // Headers a preflight (OPTIONS) answer adds to responseHeaders().
    HeaderList preflightHeaders(const QByteArray &origin) const;

private:
    QList<QByteArray> m_origins;
    bool m_any = false;
};

} // namespace hearth
