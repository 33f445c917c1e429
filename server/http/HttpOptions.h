#pragma once

#include "http/RequestHead.h"

#include <QtCore/QStringList>
#include <QtNetwork/QSslConfiguration>

#include <functional>
#include <optional>

namespace hearth {

struct HttpOptions
{
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    // Uploads: a request this gives a limit for (by its head) has its body
    // written to a temporary file in spoolDir as it arrives, up to that
    // limit, instead of held in memory (HttpRequest::bodyFile).
    std::function<qint64(const RequestHead &)> spooledBodyLimit;
    // Asked about such a request once its head is in, before any of its
    // body is read or stored: a refusal (who may not upload) is answered at
    // once, and the body is never written to disk.
    std::function<std::optional<HttpRefusal>(const RequestHead &)> admitSpooledBody;
    QString spoolDir;
    int maxHeaderBytes = 16 * 1024;
    int maxRequestLineBytes = 8 * 1024;
    int maxHeaderFields = 100;
    int maxConnections = 1024;
    int maxConnectionsPerAddress = 256; // not for trusted proxies
    int idleTimeoutMs = 75000;          // keep-alive connection with nothing to do
    int headerTimeoutMs = 15000;        // from a request's first byte to the end of its headers
    QStringList corsAllowedOrigins;
    QStringList corsAllowedHeaders; // empty: CorsPolicy::defaultAllowedHeaders()
    // Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed.
    QStringList trustedProxies;
    bool accessLog = true;
    // Set: every connection is TLS (1.2 or newer) with this certificate.
    std::optional<QSslConfiguration> tls;
};

} // namespace hearth
