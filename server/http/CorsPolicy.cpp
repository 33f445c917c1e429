#include "http/CorsPolicy.h"

namespace hearth {

CorsPolicy::CorsPolicy(QStringList allowedOrigins)
{
    for (const QString &origin : allowedOrigins) {
        if (origin == QLatin1String("*"))
            m_any = true;
        else
            m_origins << origin.trimmed().toUtf8();
    }
}

bool CorsPolicy::allows(const QByteArray &origin) const
{
    return !origin.isEmpty() && (m_any || m_origins.contains(origin));
}

HeaderList CorsPolicy::responseHeaders(const QByteArray &origin) const
{
    if (!allows(origin))
        return {{"Vary", "Origin"}};
    return {{"Access-Control-Allow-Origin", origin},
            {"Vary", "Origin"},
            {"Access-Control-Expose-Headers",
             "Link, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"}};
}

HeaderList CorsPolicy::preflightHeaders(const QByteArray &origin) const
{
    if (!allows(origin))
        return {};
    HeaderList headers;
    headers << qMakePair(QByteArray("Access-Control-Allow-Methods"),
                         QByteArray("GET, POST, PUT, PATCH, DELETE, OPTIONS"))
            << qMakePair(QByteArray("Access-Control-Allow-Headers"),
                         QByteArray("Authorization, Content-Type, Accept, Accept-Language"))
            << qMakePair(QByteArray("Access-Control-Max-Age"), QByteArray("600"));
    return headers;
}

} // namespace hearth
