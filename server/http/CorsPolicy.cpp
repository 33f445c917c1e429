#include "http/CorsPolicy.h"

namespace hearth {

CorsPolicy::CorsPolicy(QStringList allowedOrigins, QStringList allowedHeaders)
{
    for (const QString &origin : allowedOrigins) {
        if (origin == QLatin1String("*"))
            m_anyOrigin = true;
        else
            m_origins << origin.trimmed().toUtf8();
    }
    if (allowedHeaders.isEmpty())
        allowedHeaders = defaultAllowedHeaders();
    for (const QString &entry : allowedHeaders) {
        const QByteArray name = entry.trimmed().toLower().toUtf8();
        if (name == "*")
            m_anyHeader = true;
        else if (name.endsWith('*'))
            m_headerPrefixes << name.chopped(1);
        else if (!name.isEmpty())
            m_headers << name;
    }
    QList<QByteArray> listed;
    for (const QString &entry : allowedHeaders) {
        if (!entry.contains(QLatin1Char('*')) && !entry.trimmed().isEmpty())
            listed << entry.trimmed().toUtf8();
    }
    m_listedHeaders = listed.join(", ");
}

QStringList CorsPolicy::defaultAllowedHeaders()
{
    // What this API's browser clients send: the web clients (Cache-Control
    // and Pragma on streams, Last-Event-ID on a reconnecting EventSource) and
    // the OpenAI SDKs run in a browser (OpenAI-*, X-Stainless-*).
    return {QStringLiteral("Authorization"),
            QStringLiteral("Content-Type"),
            QStringLiteral("Accept"),
            QStringLiteral("Accept-Language"),
            QStringLiteral("Cache-Control"),
            QStringLiteral("Pragma"),
            QStringLiteral("Last-Event-ID"),
            QStringLiteral("X-Requested-With"),
            QStringLiteral("OpenAI-Organization"),
            QStringLiteral("OpenAI-Project"),
            QStringLiteral("OpenAI-Beta"),
            QStringLiteral("X-Stainless-*")};
}

bool CorsPolicy::allows(const QByteArray &origin) const
{
    return !origin.isEmpty() && (m_anyOrigin || m_origins.contains(origin));
}

bool CorsPolicy::allowsHeader(const QByteArray &lowerCaseName) const
{
    if (m_anyHeader || m_headers.contains(lowerCaseName))
        return true;
    for (const QByteArray &prefix : m_headerPrefixes) {
        if (lowerCaseName.startsWith(prefix))
            return true;
    }
    return false;
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

HeaderList CorsPolicy::preflightHeaders(const QByteArray &origin,
                                        const QByteArray &requestedHeaders) const
{
    if (!allows(origin))
        return {};
    // The requested headers that are allowed, named back: a family
    // ("X-Stainless-*") cannot be written in Access-Control-Allow-Headers.
    // One that is not allowed is left out, and the browser refuses the call.
    QList<QByteArray> allowed;
    for (const QByteArray &field : requestedHeaders.split(',')) {
        const QByteArray name = field.trimmed().toLower();
        if (!name.isEmpty() && allowsHeader(name) && !allowed.contains(name))
            allowed << name;
    }
    const QByteArray allowedHeaders =
        requestedHeaders.trimmed().isEmpty() ? m_listedHeaders : allowed.join(", ");
    HeaderList headers;
    headers << qMakePair(QByteArray("Access-Control-Allow-Methods"),
                         QByteArray("GET, POST, PUT, PATCH, DELETE, OPTIONS"));
    if (!allowedHeaders.isEmpty())
        headers << qMakePair(QByteArray("Access-Control-Allow-Headers"), allowedHeaders);
    headers << qMakePair(QByteArray("Access-Control-Max-Age"), QByteArray("600"));
    return headers;
}

} // namespace hearth
