#pragma once

#include "http/HttpOptions.h"
#include "http/RequestHead.h"

#include <QtCore/QObject>
#include <QtCore/QQueue>
#include <QtCore/QTimer>

class QTcpSocket;

namespace hearth {

// Sits on a socket before QtHttpServer does (its readyRead slot runs first)
// and reads every byte with peek(), so it can refuse a request — oversized
// body, huge or malformed head, a client too slow to send its headers —
// before QtHttpServer buffers anything. A refused request's bytes are
// consumed and dropped here, so QtHttpServer never sees them.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const HttpOptions &options);

    static ConnectionGuard *of(QTcpSocket *socket);

    // The head of the oldest request QtHttpServer has received in full.
    RequestHead takeCompletedHead();
    // Called once the response to a request has been written completely.
    void responseFinished(bool keepAlive);

    // Answers with `status` and a JSON error, then closes the connection.
    void refuse(int status, const QByteArray &code, const QByteArray &message);

private:
    void onReadyRead();
    void onTimeout();
    void consumeHead(const QByteArray &bytes, qint64 &offset);
    void headComplete();
    void armTimer();
    void discardInput();

    QTcpSocket *m_socket;
    HttpOptions m_options;
    QTimer m_timer;
    enum class State { Head, Body, Refused } m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    RequestHead m_current;
    QQueue<RequestHead> m_completed;
    int m_inFlight = 0;
    qint64 m_discarded = 0;
};

} // namespace hearth
