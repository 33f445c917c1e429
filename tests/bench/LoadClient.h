#pragma once

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtNetwork/QTcpSocket>

#include <memory>
#include <vector>

// Keeps `connections` keep-alive connections busy with one request each,
// sending the next as soon as a response is complete, for `seconds`.
// Responses are framed by Content-Length only (what Hearth sends for JSON).
class LoadClient final : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        qint64 completed = 0;
        qint64 failed = 0;
        double seconds = 0;
        double perSecond() const { return seconds > 0 ? completed / seconds : 0; }
    };

    LoadClient(quint16 port, QByteArray request, int connections);
    Result run(int seconds);

private:
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
    };
    void onReadyRead(Connection &c);

    quint16 m_port;
    QByteArray m_request;
    std::vector<Connection> m_connections;
    Result m_result;
    bool m_running = false;
};
