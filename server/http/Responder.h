#pragma once

#include "http/CorsPolicy.h"
#include "http/RequestHead.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

#include <functional>
#include <memory>

namespace hearth {

struct AccessLogEntry
{
    QHostAddress clientAddress;
    QByteArray method;
    QString path;
    int status = 0;
    qint64 latencyMs = 0;
    qint64 bytes = 0;
    QString userId;
    qint64 upstreamLatencyMs = -1; // -1: no upstream call
};

using AccessLogSink = std::function<void(const AccessLogEntry &)>;

// Writes one HTTP/1.1 response to a connection that may vanish at any time:
// every write checks the socket first (QPointer), so a client that left never
// crashes the server. Handlers hold it in a shared_ptr for as long as an
// asynchronous reply takes. Security and CORS headers are added here, once.
class Responder final : public std::enable_shared_from_this<Responder>
{
public:
    // `client`: the address the request came from (behind a trusted proxy,
    // the one it forwarded for).
    Responder(QTcpSocket *socket, RequestHead head, QString path, QHostAddress client,
              const CorsPolicy *cors, AccessLogSink log);
    ~Responder();
    Responder(const Responder &) = delete;
    Responder &operator=(const Responder &) = delete;

    bool isConnected() const;
    QTcpSocket *socket() const { return m_socket; }
    bool isFinished() const { return m_finished; }

    void send(int status, const QByteArray &contentType, const QByteArray &body,
              const HeaderList &extra = {});
    void sendJson(int status, const QJsonDocument &json, const HeaderList &extra = {});
    void sendError(int status, const QString &code, const QString &message,
                   const QStringList &details = {}, const HeaderList &extra = {});
    void sendEmpty(int status, const HeaderList &extra = {});

    // Chunked streaming (plain close-delimited for HTTP/1.0 clients).
    bool beginStream(int status, const QByteArray &contentType, const HeaderList &extra = {});
    bool writeChunk(const QByteArray &data);
    void endStream();

    // Runs once if the client disconnects before the response is finished.
    void onClientGone(std::function<void()> callback);
    void setUserId(const QString &userId) { m_userId = userId; }
    void setUpstreamLatency(qint64 ms) { m_upstreamLatencyMs = ms; }
    // Headers for whatever response is sent later (e.g. X-RateLimit-*).
    void addHeaders(const HeaderList &headers) { m_extraHeaders << headers; }

    // A complete response that closes the connection, for the guard's refusals.
    static QByteArray errorResponse(int status, const QByteArray &code, const QByteArray &message);
    static QByteArray errorBody(const QString &code, const QString &message,
                                const QStringList &details = {});
    static QByteArray reasonPhrase(int status);

private:
    QByteArray head(int status, const HeaderList &headers) const;
    void write(const QByteArray &bytes);
    void finish(int status);

    QPointer<QTcpSocket> m_socket;
    RequestHead m_head;
    QString m_path;
    const CorsPolicy *m_cors;
    AccessLogSink m_log;
    QHostAddress m_peer;
    QString m_userId;
    qint64 m_upstreamLatencyMs = -1;
    HeaderList m_extraHeaders;
    QElapsedTimer m_elapsed;
    qint64 m_bytes = 0;
    int m_status = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_chunked = false;
    std::function<void()> m_clientGone;
    QMetaObject::Connection m_disconnectWatch;
    QMetaObject::Connection m_destroyWatch;
};

using ResponderPtr = std::shared_ptr<Responder>;

} // namespace hearth
