#include "http/HttpsRedirect.h"

#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

namespace hearth {

namespace {
constexpr int maxHeadBytes = 8 * 1024;
constexpr int headTimeoutMs = 10000;
} // namespace

HttpsRedirect::HttpsRedirect(quint16 httpsPort, QObject *parent)
    : QTcpServer(parent)
    , m_httpsPort(httpsPort)
{}

QByteArray HttpsRedirect::location(const QByteArray &head, quint16 httpsPort)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QByteArray target = requestLine.value(1);
    if (!target.startsWith('/'))
        target = "/";
    QByteArray host;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("host:"))
            host = line.mid(5).trimmed();
    }
    // The Host header names this machine as the client reached it; only its
    // name part is kept, and only if it looks like one (no header injection).
    if (host.startsWith('[')) {
        host = host.left(host.indexOf(']') + 1);
    } else if (host.count(':') == 1) {
        host = host.left(host.indexOf(':'));
    }
    for (const char c : host) {
        if (!(QChar::isLetterOrNumber(c) || c == '.' || c == '-' || c == '[' || c == ']' ||
              c == ':'))
            host.clear();
    }
    if (host.isEmpty())
        host = "localhost";
    for (const char c : target) {
        if (c == '\r' || c == '\n' || c == ' ')
            target = "/";
    }
    return "https://" + host + ':' + QByteArray::number(httpsPort) + target;
}

void HttpsRedirect::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(headTimeoutMs, socket, [socket] { socket->abort(); });
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
        const QByteArray seen = socket->peek(maxHeadBytes);
        if (!seen.contains("\r\n\r\n") && !seen.contains("\n\n") && seen.size() < maxHeadBytes)
            return; // the head is not complete yet
        const QByteArray where = location(seen, m_httpsPort);
        QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr); // answered once
        socket->write("HTTP/1.1 301 Moved Permanently\r\nLocation: " + where +
                      "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    });
}

} // namespace hearth
