// hearth-bench-upstream: a fast OpenAI-compatible stand-in for a model
// provider, the same for every peer bench/run.sh compares. Keep-alive
// HTTP/1.1 on loopback; the model name says what to answer:
//   bench-<tokens>-<spacing ms>   e.g. bench-200-20: 200 one-word tokens, 20 ms apart
// POST /v1/chat/completions answers JSON, or SSE with "stream": true (the
// first token at once); GET /v1/models lists the models used by the bench.
#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <cstdio>

namespace {

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray deltaEvent(int index)
{
    return "data: {\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
           "\"delta\":{\"content\":\"tok" +
           QByteArray::number(index) + " \"},\"finish_reason\":null}]}\n\n";
}

QByteArray tailEvents(int tokens)
{
    return "data: {\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
           "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
           "data: {\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
           "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":" +
           QByteArray::number(tokens) + ",\"total_tokens\":" + QByteArray::number(tokens + 9) +
           "}}\n\ndata: [DONE]\n\n";
}

void respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &body, bool close)
{
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                  QByteArray::number(body.size()) +
                  (close ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n") + body);
    if (close)
        socket->disconnectFromHost();
}

void completion(QTcpSocket *socket, const QJsonObject &request, bool close)
{
    const QString model = request.value(QLatin1String("model")).toString();
    const int tokens = qBound(1, model.section(u'-', 1, 1).toInt(), 100000);
    const int spacing = qBound(0, model.section(u'-', 2, 2).toInt(), 60000);
    if (!request.value(QLatin1String("stream")).toBool()) {
        QByteArray text;
        for (int i = 0; i < tokens; ++i)
            text += "tok" + QByteArray::number(i) + ' ';
        respond(
            socket, "200 OK",
            "{\"id\":\"bench\",\"object\":\"chat.completion\",\"model\":\"" + model.toUtf8() +
                "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" +
                text +
                "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,"
                "\"completion_tokens\":" +
                QByteArray::number(tokens) + ",\"total_tokens\":" + QByteArray::number(tokens + 9) +
                "}}",
            close);
        return;
    }
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                  "Transfer-Encoding: chunked\r\n" +
                  QByteArray(close ? "Connection: close\r\n\r\n" : "\r\n") + chunk(deltaEvent(0)));
    auto finish = [socket, tokens, close] {
        socket->write(chunk(tailEvents(tokens)) + "0\r\n\r\n");
        socket->setProperty("busy", false);
        if (close)
            socket->disconnectFromHost();
    };
    if (spacing == 0) {
        QByteArray rest;
        for (int i = 1; i < tokens; ++i)
            rest += chunk(deltaEvent(i));
        socket->write(rest);
        finish();
        return;
    }
    socket->setProperty("busy", true);
    auto *ticker = new QTimer(socket);
    ticker->setInterval(spacing);
    QObject::connect(ticker, &QTimer::timeout, socket,
                     [socket, ticker, tokens, finish, sent = 1]() mutable {
                         if (sent < tokens)
                             socket->write(chunk(deltaEvent(sent++)));
                         if (sent >= tokens) {
                             ticker->stop();
                             ticker->deleteLater();
                             finish();
                         }
                     });
    ticker->start();
}

void serve(QTcpSocket *socket, QByteArray &buffer)
{
    while (!socket->property("busy").toBool()) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        qint64 length = 0;
        bool close = false;
        for (const QByteArray &line : head.split('\n')) {
            const QByteArray lower = line.trimmed().toLower();
            if (lower.startsWith("content-length:"))
                length = lower.mid(15).trimmed().toLongLong();
            else if (lower.startsWith("connection:") && lower.contains("close"))
                close = true;
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QByteArray body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
        const QByteArray method = requestLine.value(0);
        const QByteArray path = requestLine.value(1);
        if (method == "GET" && path.endsWith("/models")) {
            QJsonArray data;
            for (const char *id : {"bench-1-0", "bench-200-0", "bench-200-20", "bench-60-1000"})
                data.append(QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                                        {QStringLiteral("object"), QStringLiteral("model")}});
            respond(socket, "200 OK",
                    QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson(), close);
        } else if (method == "POST" && path.endsWith("/chat/completions")) {
            completion(socket, QJsonDocument::fromJson(body).object(), close);
        } else {
            respond(socket, "404 Not Found", "{\"error\":{\"message\":\"no such route\"}}", close);
        }
        if (close)
            return;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    quint16 port = 0;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = argv[i];
        if (arg.startsWith("--port="))
            port = quint16(arg.mid(7).toUInt());
    }
    QTcpServer server;
    server.setListenBacklogSize(4096);
    if (!server.listen(QHostAddress::LocalHost, port)) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&server, &QTcpServer::newConnection, [&server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer] {
                buffer->append(socket->readAll());
                serve(socket, *buffer);
            });
            // A stream that ended may have left pipelined requests waiting.
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [socket, buffer] {
                if (!buffer->isEmpty() && !socket->property("busy").toBool())
                    serve(socket, *buffer);
            });
        }
    });
    std::printf("listening on %u\n", server.serverPort());
    std::fflush(stdout);
    return app.exec();
}
