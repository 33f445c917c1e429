#include "http/HttpServer.h"

#include "http/ConnectionGuard.h"
#include "http/GuardedTcpServer.h"

#include <QtCore/QLoggingCategory>
#include <QtHttpServer/QAbstractHttpServer>

#include <QtHttpServer/QHttpServerRequest>
#include <algorithm>

Q_LOGGING_CATEGORY(lcAccess, "hearth.access")

namespace hearth {

// QtHttpServer's entry points differ between Qt versions; only this class
// touches them.
class HttpServerImpl final : public QAbstractHttpServer
{
public:
    explicit HttpServerImpl(HttpServer *owner)
        : m_owner(owner)
    {}

    GuardedTcpServer *tcp = nullptr;

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        ConnectionGuard *guard = ConnectionGuard::of(socket);
        const RequestHead head = guard ? guard->takeCompletedHead() : RequestHead{};
        HttpRequest copy;
        copy.method = head.method;
        copy.path = request.url().path();
        copy.query = request.query();
        for (const auto &header : request.headers())
            copy.headers.insert(header.first.toLower(), header.second);
        copy.body = request.body();
        copy.remoteAddress = request.remoteAddress();
        m_owner->handle(std::move(copy), head, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}
#else
#error "Port HttpServerImpl to this Qt version's QAbstractHttpServer (responder-based) API"
#endif

private:
    HttpServer *m_owner;
};

HttpServer::HttpServer(const HttpOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_cors(options.corsAllowedOrigins)
    , m_impl(std::make_unique<HttpServerImpl>(this))
{
    if (options.accessLog)
        m_accessLog = &HttpServer::logToConsole;
    for (QString proxy : options.trustedProxies) {
        if (!proxy.contains(QLatin1Char('/')))
            proxy +=
                proxy.contains(QLatin1Char(':')) ? QStringLiteral("/128") : QStringLiteral("/32");
        const auto subnet = QHostAddress::parseSubnet(proxy);
        if (!subnet.first.isNull())
            m_trustedProxies << subnet;
    }
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
    auto trusted = [this](const QHostAddress &address) {
        return std::any_of(m_trustedProxies.cbegin(), m_trustedProxies.cend(),
                           [&](const auto &subnet) { return address.isInSubnet(subnet); });
    };
    QHostAddress client = request.remoteAddress;
    if (!trusted(client))
        return client;
    const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop(QString::fromLatin1(hops[i].trimmed()));
        if (hop.isNull())
            break;
        client = hop;
        if (!trusted(hop))
            break;
    }
    return client;
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto *tcp = new GuardedTcpServer(m_options, m_impl.get());
    if (!tcp->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_impl->bind(tcp);
    // Listening again (the desktop turning LAN sharing on or off): the old
    // socket stops accepting, but it owns the connections it accepted, so it
    // stays until the server goes and its replies in flight finish.
    if (m_impl->tcp)
        m_impl->tcp->close();
    m_impl->tcp = tcp;
    m_tlsInUse = m_options.tls.has_value();
    return true;
}

quint16 HttpServer::port() const
{
    return m_impl->tcp ? m_impl->tcp->serverPort() : 0;
}

void HttpServer::stopListening()
{
    if (m_impl->tcp)
        m_impl->tcp->close();
}

int HttpServer::openConnections() const
{
    return m_impl->tcp ? m_impl->tcp->openConnections() : 0;
}

void HttpServer::handle(HttpRequest request, const RequestHead &head, QTcpSocket *socket)
{
    request.remoteAddress = clientAddress(request);
    auto responder = std::make_shared<Responder>(socket, head, request.path, request.remoteAddress,
                                                 &m_cors, m_accessLog);
    if (request.method == "OPTIONS") {
        responder->sendEmpty(204, m_cors.preflightHeaders(head.origin));
        return;
    }
    m_router.dispatch(request, responder);
}

} // namespace hearth
