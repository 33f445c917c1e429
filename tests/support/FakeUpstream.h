#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

// An OpenAI-compatible provider on a real loopback port, standing in for the
// internet in tests. The model name picks the behaviour:
//   fake-stream     three deltas, a usage chunk, [DONE]
//   fake-nousage    deltas and [DONE] but no usage (Hearth must estimate)
//   fake-reasoner   DeepSeek's reasoning_content deltas, then the answer "Four."
//   fake-think      "<think>Counting.</think>" cut across deltas, then "Three."
//   fake-reasoning-field  a `reasoning` delta "Hmm.", then "Yes."
//   fake-reasoner-gated   a reasoning delta, then waits for releaseGate()
//   fake-gated      first delta, then waits for releaseGate() before the rest
//   fake-slow       one delta, then nothing until the client goes away
//   fake-error      500 with an error message that contains the API key
//   fake-hang       reads the request and never answers
//   fake-redirect   302 to /stolen on this same server
//   fake-malformed  a data line that is not JSON
//   fake-midfail    one delta, then the connection drops without [DONE]
//   fake-instant    first delta at once (for latency benchmarks)
//   fake-markdown   a reply with headings, lists, a table and a code block
//   fake-echo       the last user message back, in 7-character deltas (its
//                   pictures as "[picture image/png, N bytes]")
// GET /v1/models says fake-stream sees pictures and fake-markdown reads text
// only; of the others it says nothing.
// GET /web/models is a web page (an address that is not an API at all).
// POST /control/release-gate does what releaseGate() does (for other processes).
//   fake-tokens-N-S N one-word deltas, S ms apart (0: all at once), then usage
//   fake-tools, fake-refusal, fake-tool-big: see FakeToolModels.h
struct FakeScriptedReply;

class FakeUpstream final : public QObject
{
    Q_OBJECT
public:
    struct Received
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QJsonObject body;
        QByteArray rawBody; // byte for byte, as Hearth sent it
    };

    explicit FakeUpstream(QObject *parent = nullptr);
    QString baseUrl() const; // ".../v1"
    static QStringList models();

    QList<Received> received;
    int stolenRequests = 0;    // requests that reached the redirect target
    int clientDisconnects = 0; // chat connections closed by Hearth before the end
    int finishedStreams = 0;

    void releaseGate();
    // From now on, /v1/ requests without "Authorization: Bearer <key>" get
    // DeepSeek's 401 (which quotes the wrong key back).
    void requireKey(const QByteArray &key) { m_requiredKey = key; }

signals:
    void requestReceived();
    void gateReached();
    void clientDisconnected();

private:
    void onConnection();
    void handle(QTcpSocket *socket, const Received &request);
    void streamChat(QTcpSocket *socket, const QString &model);
    void writeScripted(QTcpSocket *socket, const FakeScriptedReply &reply);
    static FakeScriptedReply echoReply(const QJsonObject &body);

    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_gated;
    QByteArray m_requiredKey;
};
