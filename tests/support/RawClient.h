#pragma once

#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

// A raw client, for what QNetworkAccessManager will not send.
class RawClient
{
public:
    explicit RawClient(quint16 port, const QHostAddress &from = {})
    {
        if (!from.isNull())
            m_socket.bind(from);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        QObject::connect(&m_socket, &QTcpSocket::readyRead,
                         [this] { received += m_socket.readAll(); });
    }
    bool connected() { return m_socket.waitForConnected(5000); }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    // Waits (spinning the event loop) until `text` arrived or the server closed.
    bool waitFor(const QByteArray &text, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return received.contains(text) || closed(); }, timeoutMs) &&
               received.contains(text);
    }
    bool waitForClose(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return closed(); }, timeoutMs);
    }
    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    QTcpSocket &socket() { return m_socket; }
    QByteArray received;

private:
    QTcpSocket m_socket;
};
