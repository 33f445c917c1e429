#include "llm/UpstreamClient.h"

#include <QtCore/QDateTime>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

namespace hearth {

namespace {
constexpr int idleKeepMs = 30000; // an idle upstream connection is closed after this
constexpr int maxIdlePerHost = 256;
const char *const idleSinceProperty = "hearthIdleSince";

bool isTls(const QUrl &url)
{
    return url.scheme() == QLatin1String("https");
}

int defaultPort(const QUrl &url)
{
    return isTls(url) ? 443 : 80;
}

QString poolKey(const QUrl &url)
{
    return url.scheme() + QLatin1String("://") + url.host() + QLatin1Char(':') +
           QString::number(url.port(defaultPort(url)));
}

// A connection that will not be used again: closed at once, freed later
// (it may be the sender of the signal being handled).
void closeNow(QTcpSocket *socket)
{
    socket->abort();
    socket->deleteLater();
}
} // namespace

UpstreamExchange::UpstreamExchange(UpstreamClient *client, UpstreamRequest request, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_key(poolKey(m_request.url))
{}

UpstreamExchange::~UpstreamExchange()
{
    abort();
}

void UpstreamExchange::abort()
{
    m_ended = true;
    release(false);
}

void UpstreamExchange::release(bool reusable)
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (reusable && m_client && socket->bytesAvailable() == 0) {
        m_client->giveBack(m_key, socket);
        return;
    }
    closeNow(socket);
}

void UpstreamExchange::start()
{
    const QUrl &url = m_request.url;
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && !isTls(url))) {
        QMetaObject::invokeMethod(
            this, [this] { fail(QStringLiteral("The provider's address is not a valid URL")); },
            Qt::QueuedConnection);
        return;
    }
    // A retry never takes another pooled connection: it may be as dead as
    // the first (the provider restarted).
    if (QTcpSocket *idle = m_client && !m_retried ? m_client->takeIdle(m_key) : nullptr) {
        connectSocket(idle, true);
        sendRequest();
        return;
    }
    QTcpSocket *socket = isTls(url) ? new QSslSocket(m_client) : new QTcpSocket(m_client);
    connectSocket(socket, false);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        connect(ssl, &QSslSocket::encrypted, this, &UpstreamExchange::sendRequest);
        ssl->connectToHostEncrypted(url.host(), quint16(url.port(defaultPort(url))));
    } else {
        connect(socket, &QTcpSocket::connected, this, &UpstreamExchange::sendRequest);
        socket->connectToHost(url.host(), quint16(url.port(defaultPort(url))));
    }
}

void UpstreamExchange::connectSocket(QTcpSocket *socket, bool reused)
{
    m_socket = socket;
    m_reused = reused;
    if (!reused)
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QTcpSocket::readyRead, this, &UpstreamExchange::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &UpstreamExchange::onClosed);
    connect(socket, &QTcpSocket::errorOccurred, this, &UpstreamExchange::onClosed);
    connect(socket, &QTcpSocket::bytesWritten, this, [this](qint64 written) {
        if (m_unsent <= 0)
            return;
        m_unsent -= written;
        if (m_unsent <= 0)
            emit requestSent();
    });
}

void UpstreamExchange::sendRequest()
{
    if (!m_socket || m_ended)
        return;
    const QUrl &url = m_request.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() > 0 && url.port() != defaultPort(url))
        host += ':' + QByteArray::number(url.port());
    QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto &[name, value] : std::as_const(m_request.headers))
        head += name + ": " + value + "\r\n";
    if (!m_request.body.isEmpty() || m_request.method == "POST")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    head += "\r\n";
    m_unsent = head.size() + m_request.body.size();
    m_socket->write(head + m_request.body);
    // Written now rather than when the next pass of the event loop finds the
    // socket writable: that pass polls every open connection, and at one
    // client at a time it was a tenth of the time Hearth added to a call. A
    // write that fails here, on a pooled connection, is retried on a new one.
    m_socket->flush();
}

void UpstreamExchange::onReadyRead()
{
    if (!m_socket || m_ended)
        return;
    const QPointer<UpstreamExchange> alive(this);
    const bool hadHead = m_reader.headReceived();
    const QByteArray bytes = m_socket->readAll();
    QByteArray body;
    const qsizetype used = m_reader.feed(bytes.constData(), bytes.size(), &body);
    if (m_reader.state() == HttpResponseReader::State::Failed) {
        fail(QString::fromLatin1(m_reader.error()));
        return;
    }
    if (!hadHead && m_reader.headReceived()) {
        emit headReceived();
        if (!alive || m_ended)
            return;
    }
    if (!body.isEmpty()) {
        emit bodyReceived(body);
        if (!alive || m_ended)
            return;
    }
    if (m_reader.state() == HttpResponseReader::State::Done) {
        m_ended = true;
        // Bytes after the response mean the connection is out of step.
        release(m_reader.reusable() && used == bytes.size());
        emit finished();
    }
}

void UpstreamExchange::onClosed()
{
    if (!m_socket || m_ended)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_socket || m_ended)
        return;
    // A pooled connection the upstream had closed meanwhile: once, on a new one.
    if (m_reused && !m_retried && !m_reader.headReceived() &&
        m_reader.state() == HttpResponseReader::State::Head) {
        m_retried = true;
        release(false);
        m_reader = HttpResponseReader();
        if (m_client) {
            start();
            return;
        }
    }
    const QString why = m_socket->errorString();
    m_reader.endOfInput();
    if (m_reader.state() == HttpResponseReader::State::Done) {
        m_ended = true;
        release(false);
        emit finished();
        return;
    }
    fail(m_reader.headReceived() ? QString::fromLatin1(m_reader.error()) : why);
}

void UpstreamExchange::fail(const QString &error)
{
    if (m_ended)
        return;
    m_ended = true;
    release(false);
    emit failed(error);
}

UpstreamClient::UpstreamClient(QObject *parent)
    : QObject(parent)
{
    m_sweep.setInterval(idleKeepMs / 3);
    connect(&m_sweep, &QTimer::timeout, this, &UpstreamClient::sweep);
}

UpstreamClient::~UpstreamClient() = default;

UpstreamExchange *UpstreamClient::exchange(UpstreamRequest request, QObject *parent)
{
    return new UpstreamExchange(this, std::move(request), parent);
}

int UpstreamClient::idleConnections() const
{
    int count = 0;
    for (const auto &list : m_idle)
        count += list.size();
    return count;
}

QTcpSocket *UpstreamClient::takeIdle(const QString &key)
{
    auto it = m_idle.find(key);
    while (it != m_idle.end() && !it->isEmpty()) {
        QTcpSocket *socket = it->takeLast(); // the most recently used is the likeliest alive
        socket->disconnect(this);
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0)
            return socket;
        closeNow(socket);
    }
    return nullptr;
}

void UpstreamClient::giveBack(const QString &key, QTcpSocket *socket)
{
    QList<QTcpSocket *> &list = m_idle[key];
    if (list.size() >= maxIdlePerHost || socket->state() != QAbstractSocket::ConnectedState) {
        closeNow(socket);
        return;
    }
    socket->setProperty(idleSinceProperty, QDateTime::currentMSecsSinceEpoch());
    // Anything from an idle connection (a close, stray bytes) retires it.
    auto retire = [this, key, socket] {
        m_idle[key].removeOne(socket);
        socket->disconnect(this);
        closeNow(socket);
    };
    connect(socket, &QTcpSocket::readyRead, this, retire);
    connect(socket, &QTcpSocket::disconnected, this, retire);
    list.append(socket);
    if (!m_sweep.isActive())
        m_sweep.start();
}

void UpstreamClient::sweep()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_idle.begin(); it != m_idle.end();) {
        QList<QTcpSocket *> &list = it.value();
        for (qsizetype i = list.size() - 1; i >= 0; --i) {
            QTcpSocket *socket = list[i];
            if (now - socket->property(idleSinceProperty).toLongLong() >= idleKeepMs) {
                list.removeAt(i);
                socket->disconnect(this);
                closeNow(socket);
            }
        }
        it = list.isEmpty() ? m_idle.erase(it) : std::next(it);
    }
    if (m_idle.isEmpty())
        m_sweep.stop();
}

} // namespace hearth
