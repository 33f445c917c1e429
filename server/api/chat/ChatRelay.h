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
class UpstreamCall;

// One reply in a conversation: relays the provider's deltas to the client
// (as SSE events, or gathered for a synchronous answer) and stores the reply
// every few seconds and as it ends — completed, failed, or cancelled because
// the client left.
// Deletes itself when done.
class ChatRelay final : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        ResponderPtr responder;
        bool streaming = false;
        QList<QPointer<ChatProvider>> candidates;
        ChatRequest request;
        Message userMessage;
        Message reply; // already stored with finishReason "streaming"
        QString userId;
        QString apiKeyId;
    };

    ChatRelay(ServerContext &context, Setup setup, QObject *parent);
    void start();

private:
    void onReasoning(const QString &text);
    void onDelta(const QString &text);
    // The thinking has ended (the answer began, or the reply ended): its
    // duration is known.
    void reasoningEnded();
    // Estimated usage of what was produced so far.
    TokenUsage producedUsage() const;
    void onCompleted(const ChatCompletion &completion);
    void onFailed(const ChatFailure &failure);
    void onClientGone();
    // The server is stopping and the grace period is over.
    void onShutdown();
    void writeEvent(const QByteArray &name, const QJsonObject &data);
    // The text so far, so that a crash keeps it (and as a sign of life for
    // OrphanedReplies).
    void saveProgress();
    void store(const QString &finishReason, const TokenUsage &usage);
    void end();

    ServerContext &m_context;
    Setup m_setup;
    UpstreamCall *m_call = nullptr;
    QTimer m_ping;
    QTimer m_save;
    QElapsedTimer m_thinking; // from the first reasoning delta
    bool m_ended = false;
};

} // namespace hearth
