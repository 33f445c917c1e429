#include "http/Responder.h"

#include "http/ConnectionGuard.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>

#include <algorithm>

namespace hearth {

namespace {

const HeaderList securityHeaders{
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
    {"Cache-Control", "no-store"},
};

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

QByteArray Responder::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray Responder::errorBody(const QString &code, const QString &message,
                                const QStringList &details)
{
    QJsonObject body{{QStringLiteral("error"), message}, {QStringLiteral("code"), code}};
    if (!details.isEmpty())
        body.insert(QStringLiteral("details"),
                    QJsonObject{{QStringLiteral("errors"), QJsonArray::fromStringList(details)}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray Responder::errorResponse(int status, const QByteArray &code, const QByteArray &message)
{
    const QByteArray body = errorBody(QString::fromLatin1(code), QString::fromUtf8(message));
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &header : securityHeaders)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
    return out;
}

Responder::Responder(QTcpSocket *socket, RequestHead head, QString path, QHostAddress client,
                     const CorsPolicy *cors, AccessLogSink log)
    : m_socket(socket)
    , m_head(std::move(head))
    , m_path(std::move(path))
    , m_cors(cors)
    , m_log(std::move(log))
    , m_peer(std::move(client))
{
    m_elapsed.start();
}

Responder::~Responder()
{
    QObject::disconnect(m_disconnectWatch);
    QObject::disconnect(m_destroyWatch);
    // A handler that forgot to answer must not leave the client hanging.
    if (!m_started && isConnected())
        sendError(500, QStringLiteral("INTERNAL_ERROR"),
                  QStringLiteral("Something went wrong on the server"));
    else if (m_started && !m_finished)
        endStream();
}

bool Responder::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Responder::onClientGone(std::function<void()> callback)
{
    m_clientGone = std::move(callback);
    if (!m_socket)
        return;
    auto notify = [this] {
        QObject::disconnect(m_disconnectWatch);
        QObject::disconnect(m_destroyWatch);
        if (!m_finished && m_clientGone) {
            auto callbackCopy = std::move(m_clientGone);
            m_clientGone = nullptr;
            callbackCopy();
        }
    };
    // Either signal may come first: a socket is deleted soon after it disconnects.
    m_disconnectWatch =
        QObject::connect(m_socket, &QAbstractSocket::disconnected, m_socket, notify);
    m_destroyWatch = QObject::connect(m_socket, &QObject::destroyed, m_socket, notify);
}

QByteArray Responder::head(int status, const HeaderList &headers) const
{
    QByteArray out = (m_head.minorVersion == 0 ? "HTTP/1.0 " : "HTTP/1.1 ") +
                     QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    // A response may set its own policy or caching (the web client's pages);
    // the API's strict defaults apply otherwise.
    for (const auto &header : securityHeaders) {
        const bool overridden = std::any_of(headers.begin(), headers.end(), [&](const auto &own) {
            return own.first == header.first;
        });
        if (!overridden)
            out += header.first + ": " + header.second + "\r\n";
    }
    if (m_cors) {
        for (const auto &header : m_cors->responseHeaders(m_head.origin))
            out += header.first + ": " + header.second + "\r\n";
    }
    for (const auto &header : m_extraHeaders)
        out += header.first + ": " + header.second + "\r\n";
    for (const auto &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    out += m_head.keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    return out;
}

void Responder::write(const QByteArray &bytes)
{
    if (!isConnected())
        return;
    m_socket->write(bytes);
    m_bytes += bytes.size();
}

void Responder::send(int status, const QByteArray &contentType, const QByteArray &body,
                     const HeaderList &extra)
{
    if (m_started)
        return;
    m_started = true;
    HeaderList headers = extra;
    if (!contentType.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray(contentType)));
    if (status != 204 && status != 304)
        headers.append(
            qMakePair(QByteArray("Content-Length"), QByteArray(QByteArray::number(body.size()))));
    const bool withBody = m_head.method != "HEAD" && status != 204 && status != 304;
    write(head(status, headers) + (withBody ? body : QByteArray()));
    // On the wire now, ahead of the access log, not on the next loop pass.
    if (isConnected())
        m_socket->flush();
    finish(status);
}

void Responder::sendJson(int status, const QJsonDocument &json, const HeaderList &extra)
{
    send(status, "application/json; charset=utf-8", json.toJson(QJsonDocument::Compact), extra);
}

void Responder::sendError(int status, const QString &code, const QString &message,
                          const QStringList &details, const HeaderList &extra)
{
    send(status, "application/json; charset=utf-8", errorBody(code, message, details), extra);
}

void Responder::sendEmpty(int status, const HeaderList &extra)
{
    send(status, QByteArray(), QByteArray(), extra);
}

bool Responder::beginStream(int status, const QByteArray &contentType, const HeaderList &extra)
{
    if (m_started)
        return false;
    m_started = true;
    m_status = status;
    HeaderList headers = extra;
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray(contentType)));
    headers.append(qMakePair(QByteArray("X-Accel-Buffering"),
                             QByteArray("no"))); // tell proxies not to hold the stream back
    if (m_head.minorVersion == 0) {
        m_head.keepAlive = false; // HTTP/1.0 has no chunks: the end of the stream is the close
    } else {
        m_chunked = true;
        headers.append(qMakePair(QByteArray("Transfer-Encoding"), QByteArray("chunked")));
    }
    write(head(status, headers));
    if (isConnected())
        m_socket->flush();
    return isConnected();
}

bool Responder::writeChunk(const QByteArray &data)
{
    if (!m_started || m_finished || data.isEmpty())
        return isConnected();
    if (m_chunked)
        write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    else
        write(data);
    if (isConnected())
        m_socket->flush();
    return isConnected();
}

void Responder::endStream()
{
    if (!m_started || m_finished)
        return;
    if (m_chunked)
        write("0\r\n\r\n");
    finish(m_status);
}

void Responder::finish(int status)
{
    m_finished = true;
    m_status = status;
    QObject::disconnect(m_disconnectWatch);
    QObject::disconnect(m_destroyWatch);
    if (m_log) {
        m_log(AccessLogEntry{m_peer, m_head.method, m_path, status, m_elapsed.elapsed(), m_bytes,
                             m_userId, m_upstreamLatencyMs});
    }
    if (ConnectionGuard *guard = ConnectionGuard::of(m_socket))
        guard->responseFinished(m_head.keepAlive);
}

} // namespace hearth
