#pragma once

#include "http/Responder.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

namespace hearth {

struct ServerContext;
class ChatTurn;
struct ChatFailure;
struct TokenUsage;
struct ApiError;

// Carries one chat turn to its client — as SSE events (message.created,
// message.reasoning, message.delta, message.done or error, with a ping
// while the model is silent), or as one JSON answer — and stops the turn
// when the client leaves or the server stops. Storing the reply is the
// turn's; this only moves bytes. Owns the turn; deletes itself when done.
class ChatRelay final : public QObject
{
    Q_OBJECT
public:
    ChatRelay(ServerContext &context, ResponderPtr responder, bool streaming, ChatTurn *turn,
              QObject *parent);
    void start();

private:
    void onCompleted(const TokenUsage &usage);
    void onFailed(const ChatFailure &failure);
    void onClientGone();
    // The server is stopping and the grace period is over.
    void onShutdown();
    void sendError(const ApiError &error);
    void writeEvent(const QByteArray &name, const QJsonObject &data);
    void end();

    ServerContext &m_context;
    ResponderPtr m_responder;
    bool m_streaming = false;
    ChatTurn *m_turn;
    QTimer m_ping;
    bool m_ended = false;
};

} // namespace hearth
