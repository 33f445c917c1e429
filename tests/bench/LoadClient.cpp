#include "LoadClient.h"

#include <QtCore/QEventLoop>
#include <QtCore/QTimer>

LoadClient::LoadClient(quint16 port, QByteArray request, int connections)
    : m_port(port)
    , m_request(std::move(request))
    , m_connections(connections)
{}

void LoadClient::onReadyRead(Connection &c)
{
    c.buffer += c.socket->readAll();
    for (;;) {
        const qsizetype headEnd = c.buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const qsizetype lengthAt = c.buffer.indexOf("Content-Length: ");
        const qint64 length =
            lengthAt >= 0 && lengthAt < headEnd
                ? c.buffer.mid(lengthAt + 16, c.buffer.indexOf('\r', lengthAt) - lengthAt - 16)
                      .toLongLong()
                : 0;
        if (c.buffer.size() < headEnd + 4 + length)
            return;
        if (c.buffer.startsWith("HTTP/1.1 200"))
            ++m_result.completed;
        else
            ++m_result.failed;
        c.buffer.remove(0, headEnd + 4 + length);
        if (m_running)
            c.socket->write(m_request);
    }
}

LoadClient::Result LoadClient::run(int seconds)
{
    for (Connection &c : m_connections) {
        c.socket = std::make_unique<QTcpSocket>();
        c.socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        c.socket->connectToHost(QHostAddress::LocalHost, m_port);
        Connection *conn = &c;
        connect(c.socket.get(), &QTcpSocket::readyRead, this, [this, conn] { onReadyRead(*conn); });
    }
    for (Connection &c : m_connections) {
        if (!c.socket->waitForConnected(5000))
            ++m_result.failed;
    }
    m_running = true;
    QElapsedTimer timer;
    timer.start();
    for (Connection &c : m_connections)
        c.socket->write(m_request);
    // A plain event loop: QTest::qWait would sleep 10 ms between passes.
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    m_running = false;
    m_result.seconds = timer.elapsed() / 1000.0;
    for (Connection &c : m_connections)
        c.socket->disconnect(this);
    return m_result;
}
