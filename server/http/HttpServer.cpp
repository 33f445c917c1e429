#include "http/HttpServer.h"

#include "http/GuardedTcpServer.h"

#include <QtCore/QLoggingCategory>
#include <QtNetwork/QSslSocket>

Q_LOGGING_CATEGORY(lcAccess, "hearth.access")

namespace hearth {

HttpServer::HttpServer(const HttpOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_trustedProxies(options.trustedProxies)
    , m_cors(options.corsAllowedOrigins, options.corsAllowedHeaders)
{
    if (options.accessLog)
        m_accessLog = &HttpServer::logToConsole;
}

void HttpServer::logToConsole(const AccessLogEntry &e)
{
    qCInfo(lcAccess).noquote().nospace()
        << e.clientAddress.toString() << " \"" << e.method << ' ' << e.path << "\" " << e.status
        << ' ' << e.latencyMs << "ms " << e.bytes << 'B'
        << (e.userId.isEmpty() ? QString() : QStringLiteral(" user=") + e.userId);
}

QHostAddress HttpServer::clientAddress(const HttpRequest &request) const
{
    // Walk X-Forwarded-For from the right (the nearest hop) while the hop is
    // a trusted proxy; the first untrusted address is the client. Anyone can
    // write the header, so an untrusted peer's value is ignored entirely.
    QHostAddress client = request.remoteAddress;
    if (!m_trustedProxies.contains(client))
        return client;
    const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop(QString::fromLatin1(hops[i].trimmed()));
        if (hop.isNull())
            break;
        client = hop;
        if (!m_trustedProxies.contains(hop))
            break;
    }
    return client;
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto handler = [this](HttpRequest request, const RequestHead &head, QTcpSocket *socket) {
        handle(std::move(request), head, socket);
    };
    auto tcp = std::make_unique<GuardedTcpServer>(m_options, handler, this);
    if (!tcp->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(tcp->errorString());
        return false;
    }
    // Listening again (the desktop turning LAN sharing on or off): the old
    // socket stops accepting, but it owns the connections it accepted, so it
    // stays until the server goes and its replies in flight finish.
    if (m_tcp)
        m_tcp->close();
    m_tcp = tcp.release();
    m_tlsInUse = m_options.tls.has_value();
    return true;
}

quint16 HttpServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

void HttpServer::stopListening()
{
    if (m_tcp)
        m_tcp->close();
}

int HttpServer::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

void HttpServer::handle(HttpRequest request, const RequestHead &head, QTcpSocket *socket)
{
    const auto *tls = qobject_cast<const QSslSocket *>(socket);
    request.secure = (tls && tls->isEncrypted()) ||
                     (m_trustedProxies.contains(request.remoteAddress) &&
                      request.header("x-forwarded-proto").trimmed().toLower() == "https");
    request.remoteAddress = clientAddress(request);
    auto responder = std::make_shared<Responder>(socket, head, request.path, request.remoteAddress,
                                                 &m_cors, m_accessLog);
    if (request.method == "OPTIONS") {
        responder->sendEmpty(
            204,
            m_cors.preflightHeaders(head.origin, request.header("access-control-request-headers")));
        return;
    }
    m_router.dispatch(request, responder);
}

} // namespace hearth
