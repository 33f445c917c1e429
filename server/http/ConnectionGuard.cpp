#include "http/ConnectionGuard.h"

#include "http/Responder.h"

#include <QtNetwork/QTcpSocket>

namespace hearth {

namespace {
constexpr qint64 maxDiscardBytes = 256ll * 1024 * 1024;
constexpr int lingerMs = 2000;
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpOptions &options)
    : QObject(socket)
    , m_socket(socket)
    , m_options(options)
{
    setObjectName(QStringLiteral("hearth-connection-guard"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    armTimer();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("hearth-connection-guard"),
                                                         Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::armTimer()
{
    if (m_state == State::Refused)
        return;
    if (m_inFlight > 0) {
        m_timer.stop(); // a slow reply is not an idle connection
        return;
    }
    const bool midRequest = !m_head.isEmpty() || m_state == State::Body;
    m_timer.start(midRequest && m_state == State::Head ? m_options.headerTimeoutMs
                                                       : m_options.idleTimeoutMs);
}

void ConnectionGuard::onTimeout()
{
    if (m_state == State::Refused) {
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_head.isEmpty() && m_state == State::Head) {
        refuse(408, "REQUEST_TIMEOUT", "The request headers took too long to arrive");
        return;
    }
    m_socket->disconnectFromHost();
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Refused) {
        discardInput();
        return;
    }
    // Body bytes are only counted, never copied; at most one head's worth
    // (plus what precedes it in this read) is peeked at a time.
    const qint64 available = m_socket->bytesAvailable();
    const qint64 headCap = m_options.maxHeaderBytes + m_options.maxRequestLineBytes + 1;
    QByteArray window;
    qint64 offset = 0;
    while (offset < available && m_state != State::Refused) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, available - offset);
            m_bodyRemaining -= take;
            offset += take;
            if (m_bodyRemaining == 0) {
                m_completed.enqueue(m_current);
                ++m_inFlight;
                m_state = State::Head;
            }
            continue;
        }
        const qint64 wanted = qMin(available, offset + headCap);
        if (window.size() < wanted)
            window = m_socket->peek(wanted);
        consumeHead(window, offset);
    }
    armTimer();
}

void ConnectionGuard::consumeHead(const QByteArray &bytes, qint64 &offset)
{
    const qsizetype cap = m_options.maxHeaderBytes + m_options.maxRequestLineBytes;
    while (offset < bytes.size()) {
        const char c = bytes.at(offset++);
        // Blank lines before a request are allowed (RFC 9112 2.2).
        if (m_head.isEmpty() && (c == '\r' || c == '\n'))
            continue;
        m_head.append(c);
        if (m_head.endsWith("\r\n\r\n") || m_head.endsWith("\n\n")) {
            headComplete();
            return;
        }
        if (m_head.size() > cap) {
            refuse(431, "HEADERS_TOO_LARGE", "The request headers are too large");
            return;
        }
        const qsizetype firstLineEnd = m_head.indexOf('\n');
        if (firstLineEnd < 0 && m_head.size() > m_options.maxRequestLineBytes) {
            refuse(414, "URI_TOO_LONG", "The request line is too long");
            return;
        }
    }
}

void ConnectionGuard::headComplete()
{
    QByteArray head = m_head;
    m_head.clear();
    if (!head.endsWith("\r\n\r\n")) {
        refuse(400, "BAD_REQUEST", "Lines must end with CRLF");
        return;
    }
    head.chop(4); // the empty line that ends the head
    const HeadParseResult parsed = parseRequestHead(head, m_options.maxHeaderFields);
    using V = HeadParseResult::Verdict;
    switch (parsed.verdict) {
    case V::Ok:
        break;
    case V::BadRequest:
        refuse(400, "BAD_REQUEST", parsed.reason);
        return;
    case V::TooLarge:
        refuse(431, "HEADERS_TOO_LARGE", parsed.reason);
        return;
    case V::LengthRequired:
        refuse(411, "LENGTH_REQUIRED", parsed.reason);
        return;
    case V::VersionNotSupported:
        refuse(505, "HTTP_VERSION_NOT_SUPPORTED", parsed.reason);
        return;
    }
    m_current = parsed.head;
    if (m_current.contentLength > m_options.maxBodyBytes) {
        refuse(413, "PAYLOAD_TOO_LARGE",
               "The request body is larger than this server accepts (" +
                   QByteArray::number(m_options.maxBodyBytes) + " bytes)");
        return;
    }
    if (m_current.expectContinue && m_current.contentLength > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_bodyRemaining = m_current.contentLength;
    if (m_bodyRemaining == 0) {
        m_completed.enqueue(m_current);
        ++m_inFlight;
    } else {
        m_state = State::Body;
    }
}

RequestHead ConnectionGuard::takeCompletedHead()
{
    return m_completed.isEmpty() ? RequestHead{} : m_completed.dequeue();
}

void ConnectionGuard::responseFinished(bool keepAlive)
{
    m_inFlight = qMax(0, m_inFlight - 1);
    if (!keepAlive) {
        m_state = State::Refused; // nothing more is read from this connection
        discardInput();
        m_socket->disconnectFromHost();
        return;
    }
    armTimer();
}

void ConnectionGuard::refuse(int status, const QByteArray &code, const QByteArray &message)
{
    m_state = State::Refused;
    // From now on everything is dropped: read it in small bites.
    m_socket->setReadBufferSize(64 * 1024);
    discardInput();
    m_socket->write(Responder::errorResponse(status, code, message));
    if (status == 413) {
        // Keep reading (and dropping) for a moment so the client, which may
        // still be sending its body, gets to read the answer instead of a reset.
        m_timer.start(lingerMs);
        return;
    }
    m_timer.stop();
    m_socket->disconnectFromHost(); // after the answer is written
}

void ConnectionGuard::discardInput()
{
    m_discarded += m_socket->bytesAvailable();
    m_socket->skip(m_socket->bytesAvailable());
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction(); // drop what QtHttpServer had buffered too
    if (m_discarded > maxDiscardBytes)
        m_socket->abort();
}

} // namespace hearth
