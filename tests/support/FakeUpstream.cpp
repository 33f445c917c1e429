#include "FakeUpstream.h"

#include "FakeToolModels.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTimer>

namespace {

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray deltaEvent(const QString &text)
{
    const QJsonObject event{
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
        // As OpenAI's: which backend configuration answered.
        {QStringLiteral("system_fingerprint"), QStringLiteral("fp_fake_1")},
        {QStringLiteral("choices"),
         QJsonArray{
             QJsonObject{{QStringLiteral("index"), 0},
                         {QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), text}}},
                         {QStringLiteral("finish_reason"), QJsonValue()}}}}};
    return "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}

// A chunk whose delta is `delta` as given (reasoning fields, a null content).
QByteArray rawDeltaEvent(const QJsonObject &delta)
{
    const QJsonObject event{
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("delta"), delta},
                                {QStringLiteral("finish_reason"), QJsonValue()}}}}};
    return "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray finishEvent()
{
    const QJsonObject event{
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("delta"), QJsonObject{}},
                                {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}};
    return "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray usageEvent(int reasoningTokens = 0)
{
    QJsonObject usage{{QStringLiteral("prompt_tokens"), 11},
                      {QStringLiteral("completion_tokens"), 7},
                      {QStringLiteral("total_tokens"), 18}};
    if (reasoningTokens > 0)
        usage.insert(QStringLiteral("completion_tokens_details"),
                     QJsonObject{{QStringLiteral("reasoning_tokens"), reasoningTokens}});
    const QJsonObject event{{QStringLiteral("choices"), QJsonArray{}},
                            {QStringLiteral("usage"), usage}};
    return "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}

const QByteArray streamHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                              "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";

void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
             const QByteArray &extraHeaders = {})
{
    socket->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

FakeUpstream::FakeUpstream(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &FakeUpstream::onConnection);
}

QString FakeUpstream::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort());
}

QStringList FakeUpstream::models()
{
    return QStringList{QStringLiteral("fake-stream"), QStringLiteral("fake-nousage"),
                       QStringLiteral("fake-reasoner"), QStringLiteral("fake-think"),
                       QStringLiteral("fake-reasoning-field"),
                       QStringLiteral("fake-reasoner-gated"), QStringLiteral("fake-gated"),
                       QStringLiteral("fake-slow"), QStringLiteral("fake-error"),
                       QStringLiteral("fake-hang"), QStringLiteral("fake-redirect"),
                       QStringLiteral("fake-malformed"), QStringLiteral("fake-midfail"),
                       QStringLiteral("fake-instant"), QStringLiteral("fake-markdown"),
                       QStringLiteral("fake-echo"),
                       // The fake-tokens-N-S used by tests and benchmarks (a provider
                       // serves only the models it lists).
                       QStringLiteral("fake-tokens-60-10"), QStringLiteral("fake-tokens-2000-5"),
                       QStringLiteral("fake-tokens-200-0"), QStringLiteral("fake-tokens-200-20")} +
           fakeToolModels();
}

void FakeUpstream::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            Received request;
            const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            request.method = first.value(0);
            request.path = first.value(1);
            qint64 length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                const QByteArray name = lines[i].left(colon).trimmed().toLower();
                request.headers.insert(name, lines[i].mid(colon + 1).trimmed());
                if (name == "content-length")
                    length = lines[i].mid(colon + 1).trimmed().toLongLong();
            }
            if (buffer->size() < headEnd + 4 + length)
                return;
            request.rawBody = buffer->mid(headEnd + 4, length);
            request.body = QJsonDocument::fromJson(request.rawBody).object();
            buffer->clear();
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            received << request;
            emit requestReceived();
            handle(socket, request);
        });
    }
}

void FakeUpstream::handle(QTcpSocket *socket, const Received &request)
{
    if (request.path.endsWith("/stolen")) {
        ++stolenRequests;
        respond(socket, 200, "OK", "{}");
        return;
    }
    // Lets a test in another process (the browser test's script) open the gate.
    if (request.method == "POST" && request.path == "/control/release-gate") {
        releaseGate();
        respond(socket, 200, "OK", "{}");
        return;
    }
    if (!m_requiredKey.isEmpty() && request.path.startsWith("/v1/") &&
        request.headers.value("authorization") != "Bearer " + m_requiredKey) {
        // As DeepSeek answers a wrong key, quoting part of it back.
        const QByteArray given = request.headers.value("authorization").mid(7);
        respond(
            socket, 401, "Unauthorized",
            R"({"error":{"message":"Authentication Fails, Your api key: )" + given +
                R"( is invalid","type":"authentication_error","code":"invalid_request_error"}})");
        return;
    }
    if (request.method == "GET" && request.path == "/web/models") {
        respond(socket, 200, "OK", "<!doctype html><title>A web page</title>");
        return;
    }
    if (request.method == "GET" && request.path == "/v1/models") {
        QJsonArray data;
        for (const QString &id : models()) {
            QJsonObject entry{{QStringLiteral("id"), id},
                              {QStringLiteral("object"), QStringLiteral("model")}};
            // Two ways providers say what a model takes (OpenRouter, Ollama).
            if (id == QLatin1String("fake-stream"))
                entry.insert(QStringLiteral("capabilities"),
                             QJsonArray{QStringLiteral("completion"), QStringLiteral("vision")});
            if (id == QLatin1String("fake-markdown"))
                entry.insert(QStringLiteral("architecture"),
                             QJsonObject{{QStringLiteral("input_modalities"),
                                          QJsonArray{QStringLiteral("text")}}});
            data.append(entry);
        }
        respond(socket, 200, "OK",
                QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson());
        return;
    }
    if (request.method != "POST" || request.path != "/v1/chat/completions") {
        respond(socket, 404, "Not Found", R"({"error":{"message":"no such route"}})");
        return;
    }
    const QString model = request.body.value(QLatin1String("model")).toString();
    if (model == QLatin1String("fake-echo")) {
        writeScripted(socket, echoReply(request.body));
        return;
    }
    if (const auto scripted = fakeToolReply(model, request.body)) {
        writeScripted(socket, *scripted);
        return;
    }
    streamChat(socket, model);
}

FakeScriptedReply FakeUpstream::echoReply(const QJsonObject &body)
{
    QString text;
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    for (const QJsonValue &message : messages) {
        if (message[QLatin1String("role")] != QLatin1String("user"))
            continue;
        const QJsonValue content = message[QLatin1String("content")];
        text = content.toString();
        // Content parts: the texts, and each picture as what it decodes to,
        // so a test can see that the provider got the picture whole.
        for (const QJsonValue &part : content.toArray()) {
            if (part[QLatin1String("type")] == QLatin1String("text")) {
                text += part[QLatin1String("text")].toString() + QLatin1Char('\n');
                continue;
            }
            const QString url = part[QLatin1String("image_url")][QLatin1String("url")].toString();
            const qsizetype comma = url.indexOf(QLatin1Char(','));
            const auto bytes = QByteArray::fromBase64Encoding(
                url.mid(comma + 1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            text += QStringLiteral("[picture %1, %2 bytes]\n")
                        .arg(url.mid(5, url.indexOf(QLatin1Char(';')) - 5))
                        .arg(url.startsWith(QLatin1String("data:image/")) && bytes
                                 ? bytes.decoded.size()
                                 : -1);
        }
    }
    FakeScriptedReply reply;
    // Small pieces, as a model streams them, cut anywhere (inside tags too).
    for (qsizetype at = 0; at < text.size(); at += 7)
        reply.events << deltaEvent(text.mid(at, 7));
    reply.events << finishEvent() << usageEvent() << QByteArray("data: [DONE]\n\n");
    return reply;
}

void FakeUpstream::writeScripted(QTcpSocket *socket, const FakeScriptedReply &reply)
{
    if (reply.status != 200) {
        respond(socket, reply.status, "Bad Request", reply.errorBody);
        return;
    }
    QByteArray stream = streamHead;
    for (const QByteArray &event : reply.events)
        stream += chunk(event);
    socket->setProperty("complete", true);
    socket->write(stream + "0\r\n\r\n");
    socket->disconnectFromHost();
    ++finishedStreams;
}

void FakeUpstream::streamChat(QTcpSocket *socket, const QString &model)
{
    QPointer<QTcpSocket> guard(socket);
    const bool streaming = model != QLatin1String("fake-error") &&
                           model != QLatin1String("fake-hang") &&
                           model != QLatin1String("fake-redirect");
    if (streaming) {
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (!socket->property("complete").toBool()) {
                ++clientDisconnects;
                emit clientDisconnected();
            }
        });
    }
    auto finish = [this, guard](bool withUsage) {
        if (!guard)
            return;
        guard->setProperty("complete", true);
        QByteArray tail = chunk(finishEvent());
        if (withUsage)
            tail += chunk(usageEvent());
        tail += chunk("data: [DONE]\n\n") + "0\r\n\r\n";
        guard->write(tail);
        guard->disconnectFromHost();
        ++finishedStreams;
    };

    if (model == QLatin1String("fake-error")) {
        respond(
            socket, 500, "Internal Server Error",
            R"({"error":{"message":"Incorrect API key provided: sk-test-abcdef1234567890","type":"invalid_request_error"}})");
    } else if (model == QLatin1String("fake-hang")) {
        // Say nothing at all.
    } else if (model == QLatin1String("fake-redirect")) {
        respond(socket, 302, "Found", "{}",
                "Location: http://127.0.0.1:" + QByteArray::number(m_server.serverPort()) +
                    "/stolen\r\n");
    } else if (model == QLatin1String("fake-malformed")) {
        socket->write(streamHead + chunk("data: {this is not json\n\n"));
    } else if (model == QLatin1String("fake-midfail")) {
        socket->write(streamHead + chunk(deltaEvent(QStringLiteral("Partial "))));
        QTimer::singleShot(20, socket, [guard] {
            if (guard) {
                guard->setProperty("complete", true);
                guard->abort();
            }
        });
    } else if (model == QLatin1String("fake-markdown")) {
        // A reply with the Markdown a chat window must render.
        socket->write(streamHead);
        const QStringList pieces{
            QStringLiteral("## Three ways to say hello\n\n"),
            QStringLiteral("1. **English**: Hello\n"),
            QStringLiteral("2. **中文**：你好\n"),
            QStringLiteral("3. *Français*: Bonjour\n\n"),
            QStringLiteral("| Language | Greeting |\n|---|---|\n| Japanese | こんにちは |\n| "
                           "Spanish | Hola |\n\n"),
            QStringLiteral("In code:\n\n```cpp\nstd::cout << \"Hello\" << std::endl;\n```\n")};
        for (int i = 0; i < pieces.size(); ++i) {
            QTimer::singleShot(5 * (i + 1), socket, [guard, piece = pieces[i]] {
                if (guard)
                    guard->write(chunk(deltaEvent(piece)));
            });
        }
        QTimer::singleShot(5 * (pieces.size() + 1), socket, [finish] { finish(true); });
    } else if (model == QLatin1String("fake-instant")) {
        // First delta at once, the rest right after: for latency measurements.
        socket->write(streamHead + chunk(deltaEvent(QStringLiteral("Hi"))));
        QTimer::singleShot(0, socket, [finish] { finish(true); });
    } else if (model.startsWith(QLatin1String("fake-tokens-"))) {
        // fake-tokens-<count>-<spacing ms>: that many one-word deltas.
        const int count = qBound(1, model.section(u'-', 2, 2).toInt(), 100000);
        const int spacing = qBound(0, model.section(u'-', 3, 3).toInt(), 10000);
        socket->write(streamHead);
        auto *ticker = new QTimer(socket);
        ticker->setInterval(spacing);
        connect(ticker, &QTimer::timeout, socket,
                [guard, ticker, count, finish, sent = 0]() mutable {
                    if (!guard)
                        return;
                    do {
                        guard->write(chunk(deltaEvent(QStringLiteral("tok%1 ").arg(sent))));
                    } while (++sent < count && ticker->interval() == 0);
                    if (sent >= count) {
                        ticker->stop();
                        finish(true);
                    }
                });
        ticker->start();
    } else if (model == QLatin1String("fake-reasoner") || model == QLatin1String("fake-think") ||
               model == QLatin1String("fake-reasoning-field")) {
        // The three ways reasoning models say what they think.
        const auto content = [](const char *text) {
            return QJsonObject{{QStringLiteral("content"), QString::fromUtf8(text)}};
        };
        QList<QJsonObject> deltas;
        int reasoningTokens = 0;
        if (model == QLatin1String("fake-reasoner")) { // DeepSeek: content null meanwhile
            for (const char *text : {"Two and two", " make four."})
                deltas << QJsonObject{
                    {QStringLiteral("reasoning_content"), QString::fromUtf8(text)},
                    {QStringLiteral("content"), QJsonValue()}};
            deltas << content("Four") << content(".");
            reasoningTokens = 5;
        } else if (model == QLatin1String("fake-think")) { // tags cut across deltas
            deltas << content("<thi") << content("nk>Count") << content("ing.</th")
                   << content("ink>\n\nThree.");
        } else {
            deltas << QJsonObject{{QStringLiteral("reasoning"), QStringLiteral("Hmm.")}}
                   << content("Yes.");
        }
        socket->write(streamHead);
        for (int i = 0; i < deltas.size(); ++i) {
            QTimer::singleShot(5 * (i + 1), socket, [guard, delta = deltas[i]] {
                if (guard)
                    guard->write(chunk(rawDeltaEvent(delta)));
            });
        }
        QTimer::singleShot(5 * (deltas.size() + 1), socket, [this, guard, reasoningTokens] {
            if (!guard)
                return;
            guard->setProperty("complete", true);
            guard->write(chunk(finishEvent()) + chunk(usageEvent(reasoningTokens)) +
                         chunk("data: [DONE]\n\n") + "0\r\n\r\n");
            guard->disconnectFromHost();
            ++finishedStreams;
        });
    } else if (model == QLatin1String("fake-slow")) {
        socket->write(streamHead + chunk(deltaEvent(QStringLiteral("Thinking"))));
    } else if (model == QLatin1String("fake-reasoner-gated")) {
        // Thinks, then waits for releaseGate() before it answers.
        socket->write(streamHead +
                      chunk(rawDeltaEvent({{QStringLiteral("reasoning_content"),
                                            QStringLiteral("Weighing the question.")}})));
        m_gated << guard;
        emit gateReached();
    } else if (model == QLatin1String("fake-gated")) {
        socket->write(streamHead + chunk(deltaEvent(QStringLiteral("First"))));
        m_gated << guard;
        emit gateReached();
    } else {
        const bool withUsage = model != QLatin1String("fake-nousage");
        socket->write(streamHead);
        const QStringList pieces{QStringLiteral("Hello"), QStringLiteral(", "),
                                 QStringLiteral("world")};
        for (int i = 0; i < pieces.size(); ++i) {
            QTimer::singleShot(10 * (i + 1), socket, [guard, piece = pieces[i]] {
                if (guard)
                    guard->write(chunk(deltaEvent(piece)));
            });
        }
        QTimer::singleShot(10 * (pieces.size() + 1), socket,
                           [finish, withUsage] { finish(withUsage); });
    }
}

void FakeUpstream::releaseGate()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_gated)) {
        if (!socket)
            continue;
        socket->setProperty("complete", true);
        socket->write(chunk(deltaEvent(QStringLiteral(" and last"))) + chunk(finishEvent()) +
                      chunk(usageEvent()) + chunk("data: [DONE]\n\n") + "0\r\n\r\n");
        socket->disconnectFromHost();
        ++finishedStreams;
    }
    m_gated.clear();
}
