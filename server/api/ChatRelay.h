#pragma once

#include "core/Domain.h"
#include "http/Responder.h"
#include "llm/ChatTypes.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace hearth {

struct ServerContext;
class ChatProvider;
class ChatStream;

// One reply in flight: relays the provider's deltas to the client (as SSE
// events, or gathered for a synchronous answer), stores the reply as it
// ends — completed, failed or cancelled because the client left — and
// writes the usage ledger row. Deletes itself when done.
class ChatRelay final : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        ResponderPtr responder;
        bool streaming = false;
        ChatProvider *provider = nullptr;
        ChatRequest request;
        Message userMessage;
        Message reply; // already stored with finishReason "streaming"
        QString userId;
        QString apiKeyId;
    };

    ChatRelay(ServerContext &context, Setup setup, QObject *parent);
    ~ChatRelay() override;
    void start();

private:
    void onDelta(const QString &text);
    void onCompleted(const ChatCompletion &completion);
    void onFailed(const ChatFailure &failure);
    void onClientGone();
    void writeEvent(const QByteArray &name, const QJsonObject &data);
    // Stores the reply in its final state and records the upstream call.
    void settle(const QString &finishReason, const TokenUsage &usage, const QString &status);
    void end();

    ServerContext &m_context;
    Setup m_setup;
    QPointer<ChatStream> m_stream;
    QTimer m_ping;
    QElapsedTimer m_elapsed;
    bool m_ended = false;
};

} // namespace hearth
