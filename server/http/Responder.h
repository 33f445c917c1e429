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
};

using AccessLogSink = std::function<void(const AccessLogEntry &)>;

// Writes one HTTP/1.1 response to a connection that may vanish at any time:
// every write checks the socket first (QPointer), so a client that left never
// crashes the server. Handlers hold it in a shared_ptr for as long as an
// asynchronous reply takes. Security and CORS headers are added here, once.
class Responder final : public std::enable_shared_from_this<Responder>
{
public:
    Responder(QTcpSocket *socket, RequestHead head, QString path, const CorsPolicy *cors,
              AccessLogSink log);
    ~Responder();
    Responder(const Responder &) = delete;
    Responder &operator=(const Responder &) = delete;

    bool isConnected() const;
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
