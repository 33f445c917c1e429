#pragma once

#include "http/CorsPolicy.h"
#include "http/HttpOptions.h"
#include "http/Responder.h"
#include "http/Router.h"
#include "http/SubnetList.h"

#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>

namespace hearth {

class GuardedTcpServer;

// The HTTP front: our listening socket, a ConnectionGuard per connection
// (strict HTTP/1.1 framing, limits), route table, JSON errors, CORS and
// access log.
class HttpServer final : public QObject
{
    Q_OBJECT
public:
    explicit HttpServer(const HttpOptions &options, QObject *parent = nullptr);
    ~HttpServer() override;

    Router &router() { return m_router; }
    void setAccessLogSink(AccessLogSink sink) { m_accessLog = std::move(sink); }
    // The default sink: one line per request on the "hearth.access" category.
    static void logToConsole(const AccessLogEntry &entry);

    // Listens on address:port; called again, moves there (the previous
    // address stops accepting, its open connections finish normally).
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    int openConnections() const;
    // Accepts no more connections; those open go on until they end.
    void stopListening();
    // For the next listen(): TLS with this configuration, or plain HTTP.
    void setTls(const std::optional<QSslConfiguration> &tls) { m_options.tls = tls; }
    const std::optional<QSslConfiguration> &tls() const { return m_options.tls; }
    bool usesTls() const { return m_tlsInUse; }

    // Called by a connection's guard for every complete request, in order.
    void handle(HttpRequest request, const RequestHead &head, QTcpSocket *socket);

private:
    QHostAddress clientAddress(const HttpRequest &request) const;

    HttpOptions m_options;
    bool m_tlsInUse = false;
    SubnetList m_trustedProxies;
    CorsPolicy m_cors;
    Router m_router;
    AccessLogSink m_accessLog;
    GuardedTcpServer *m_tcp = nullptr; // the current one; earlier ones are children too
};

} // namespace hearth
