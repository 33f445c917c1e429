#pragma once

#include "http/HttpOptions.h"
#include "http/HttpRequest.h"
#include "http/RequestFramer.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <functional>

class QTcpSocket;

namespace hearth {

// One HTTP/1.1 connection: reads the socket, frames requests strictly
// (RequestFramer) and hands them to the handler one at a time. The next
// request — pipelined or not — is read only after the previous response has
// finished, so responses go out in order and never into an open stream.
// Enforces the limits and timeouts of HttpOptions and refuses what breaks
// them with a JSON error and a closed connection.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
public:
    using RequestHandler =
        std::function<void(HttpRequest request, const RequestHead &head, QTcpSocket *socket)>;

    ConnectionGuard(QTcpSocket *socket, const HttpOptions &options, RequestHandler handler);

    static ConnectionGuard *of(QTcpSocket *socket);

    // Called once the response to the current request has been written.
    void responseFinished(bool keepAlive);

    // Answers with `status` and a JSON error, then closes the connection.
    void refuse(int status, const QByteArray &code, const QByteArray &message);

private:
    void onReadyRead();
    void onTimeout();
    void pump();
    void dispatch();
    void armTimer(bool progressed);
    void discardInput();

    QTcpSocket *m_socket;
    HttpOptions m_options;
    RequestHandler m_handler;
    RequestFramer m_framer;
    QTimer m_timer;
    QByteArray m_input; // read from the socket, not yet framed from m_offset on
    qsizetype m_offset = 0;
    qint64 m_discarded = 0;
    bool m_inFlight = false;
    bool m_pumping = false;
    bool m_closed = false;    // refused or closing: input is dropped
    bool m_headTimed = false; // the header deadline runs for the current head
};

} // namespace hearth
