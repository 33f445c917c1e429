#include "http/ConnectionGuard.h"

#include "http/Responder.h"

#include <QtCore/QPointer>
#include <QtCore/QTemporaryFile>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpSocket>

namespace hearth {

namespace {
constexpr qint64 maxDiscardBytes = 256ll * 1024 * 1024;
constexpr int lingerMs = 2000;
// While a response is in flight nothing is read, so a client pipelining
// without end fills this much of our buffer and then its own.
constexpr qint64 readBufferBytes = 64 * 1024;

RequestFramer::Limits limitsOf(const HttpOptions &options)
{
    RequestFramer::Limits limits;
    limits.maxRequestLineBytes = options.maxRequestLineBytes;
    limits.maxHeaderBytes = options.maxHeaderBytes;
    limits.maxHeaderFields = options.maxHeaderFields;
    limits.maxBodyBytes = options.maxBodyBytes;
    limits.spooledBodyLimit = options.spooledBodyLimit;
    limits.admitSpooledBody = options.admitSpooledBody;
    limits.spoolDir = options.spoolDir;
    return limits;
}

// origin-form "/p?q", absolute-form "http://host/p?q", or "*" (OPTIONS).
bool splitTarget(const QByteArray &target, QString *path, QUrlQuery *query)
{
    QByteArray encodedPath;
    QByteArray encodedQuery;
    if (target.startsWith('/') || target == "*") {
        const qsizetype mark = target.indexOf('?');
        encodedPath = mark < 0 ? target : target.left(mark);
        encodedQuery = mark < 0 ? QByteArray() : target.mid(mark + 1);
    } else {
        const QUrl url = QUrl::fromEncoded(target, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return false;
        encodedPath = url.path(QUrl::FullyEncoded).toLatin1();
        if (encodedPath.isEmpty())
            encodedPath = "/";
        encodedQuery = url.query(QUrl::FullyEncoded).toLatin1();
    }
    *path = QUrl::fromPercentEncoding(encodedPath);
    if (!encodedQuery.isEmpty())
        query->setQuery(QString::fromLatin1(encodedQuery));
    return true;
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpOptions &options,
                                 RequestHandler handler)
    : QObject(socket)
    , m_socket(socket)
    , m_options(options)
    , m_handler(std::move(handler))
    , m_framer(limitsOf(options))
{
    setObjectName(QStringLiteral("hearth-connection-guard"));
    m_socket->setReadBufferSize(readBufferBytes);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    armTimer(false);
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("hearth-connection-guard"),
                                                         Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::armTimer(bool progressed)
{
    if (m_closed)
        return;
    if (m_inFlight) {
        m_timer.stop(); // a slow reply is not an idle connection
        m_headTimed = false;
        return;
    }
    if (m_framer.readingHead()) {
        // One deadline from the head's first byte: trickling bytes (slowloris)
        // does not move it.
        if (!m_headTimed)
            m_timer.start(m_options.headerTimeoutMs);
        m_headTimed = true;
        return;
    }
    m_headTimed = false;
    if (m_framer.readingBody()) {
        if (progressed || !m_timer.isActive())
            m_timer.start(m_options.headerTimeoutMs); // a body that stalls this long is dropped
        return;
    }
    m_timer.start(m_options.idleTimeoutMs);
}

void ConnectionGuard::onTimeout()
{
    if (m_closed) {
        m_socket->disconnectFromHost();
        return;
    }
    if (m_framer.readingHead()) {
        refuse(408, "REQUEST_TIMEOUT", "The request headers took too long to arrive");
        return;
    }
    if (m_framer.readingBody()) {
        refuse(408, "REQUEST_TIMEOUT", "The request body stopped arriving");
        return;
    }
    m_socket->disconnectFromHost();
}

void ConnectionGuard::onReadyRead()
{
    if (m_closed)
        discardInput();
    else
        pump();
}

void ConnectionGuard::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    const QPointer<ConnectionGuard> alive(this);
    bool progressed = false;
    while (!m_inFlight && !m_closed) {
        if (m_offset >= m_input.size()) {
            // Only what is there: read(max) would keep a 64 KiB buffer per
            // connection, idle ones included.
            const qint64 available = qMin(m_socket->bytesAvailable(), readBufferBytes);
            m_input = available > 0 ? m_socket->read(available) : QByteArray();
            m_offset = 0;
            if (m_input.isEmpty())
                break;
            progressed = true;
        }
        qsizetype used = 0;
        const RequestFramer::Result result =
            m_framer.feed(m_input.constData() + m_offset, m_input.size() - m_offset, &used);
        m_offset += used;
        using R = RequestFramer::Result;
        if (result == R::Error) {
            const RequestFramer::Error error = m_framer.error();
            refuse(error.status, error.code, error.message);
        } else if (result == R::HeadComplete) {
            if (m_framer.head().expectContinue && m_framer.head().minorVersion == 1)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        } else if (result == R::Request) {
            dispatch();
            if (!alive)
                return;
        }
    }
    if (m_offset >= m_input.size()) {
        m_input = QByteArray(); // nothing kept while the connection waits
        m_offset = 0;
    }
    m_pumping = false;
    armTimer(progressed);
}

void ConnectionGuard::dispatch()
{
    const RequestHead head = m_framer.takeHead();
    HttpRequest request;
    if (!splitTarget(head.target, &request.path, &request.query)) {
        refuse(400, "BAD_REQUEST", "Malformed request target");
        return;
    }
    request.method = head.method;
    request.headers = head.headers;
    request.bodyFile = m_framer.takeSpool();
    request.body = m_framer.takeBody();
    request.remoteAddress = m_socket->peerAddress();
    m_inFlight = true;
    m_handler(std::move(request), head, m_socket);
}

void ConnectionGuard::responseFinished(bool keepAlive)
{
    m_inFlight = false;
    if (!keepAlive) {
        m_closed = true; // nothing more is read from this connection
        m_timer.stop();
        discardInput();
        m_socket->disconnectFromHost();
        return;
    }
    if (m_pumping)
        return; // answered at once: pump() goes on with the next request
    if (m_offset < m_input.size() || m_socket->bytesAvailable() > 0) {
        // Pipelined requests wait in the buffer; answer them from the event
        // loop, not from inside the handler that just finished.
        QMetaObject::invokeMethod(this, &ConnectionGuard::pump, Qt::QueuedConnection);
        return;
    }
    armTimer(false);
}

void ConnectionGuard::refuse(int status, const QByteArray &code, const QByteArray &message)
{
    m_closed = true;
    m_input.clear();
    m_offset = 0;
    discardInput();
    m_socket->write(Responder::errorResponse(status, code, message));
    if (status == 413 || status == 401) {
        // Keep reading (and dropping) for a moment so the client, which may
        // still be sending its body (too large, or an upload refused by its
        // head), gets to read the answer instead of a reset.
        m_timer.start(lingerMs);
        return;
    }
    m_timer.stop();
    m_socket->disconnectFromHost(); // after the answer is written
}

void ConnectionGuard::discardInput()
{
    const qint64 available = m_socket->bytesAvailable();
    m_discarded += available;
    m_socket->skip(available);
    if (m_discarded > maxDiscardBytes)
        m_socket->abort();
}

} // namespace hearth
