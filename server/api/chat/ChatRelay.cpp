#include "api/chat/ChatRelay.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/ServerContext.h"
#include "api/chat/ChatTurn.h"
#include "api/chat/StreamTracker.h"

namespace hearth {

ChatRelay::ChatRelay(ServerContext &context, ResponderPtr responder, bool streaming, ChatTurn *turn,
                     QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_responder(std::move(responder))
    , m_streaming(streaming)
    , m_turn(turn)
{
    m_turn->setParent(this);
    m_ping.setInterval(m_context.config.ssePingIntervalSec * 1000);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        // A comment line keeps proxies and clients from giving up while the
        // model thinks; it is not an event.
        m_responder->writeChunk(QByteArrayLiteral(": ping\n\n"));
    });
}

void ChatRelay::start()
{
    QPointer<ChatRelay> self(this);
    m_responder->onClientGone([self] {
        if (self)
            self->onClientGone();
    });
    if (m_streaming) {
        m_responder->beginStream(200, "text/event-stream; charset=utf-8");
        writeEvent("message.created", {{QStringLiteral("userMessage"), m_turn->questionJson()},
                                       {QStringLiteral("messageId"), m_turn->reply().id}});
        m_ping.start();
        // An event of its own for the thinking: the original web client,
        // which knows only message.delta, shows the answer alone.
        connect(m_turn, &ChatTurn::reasoning, this, [this](const QString &text) {
            writeEvent("message.reasoning", {{QStringLiteral("delta"), text}});
        });
        connect(m_turn, &ChatTurn::delta, this, [this](const QString &text) {
            writeEvent("message.delta", {{QStringLiteral("delta"), text}});
        });
    }
    if (m_context.streams) {
        m_context.streams->add(this);
        connect(m_context.streams, &StreamTracker::stopRequested, this, &ChatRelay::onShutdown);
    }
    connect(m_turn, &ChatTurn::completed, this, &ChatRelay::onCompleted);
    connect(m_turn, &ChatTurn::failed, this, &ChatRelay::onFailed);
    m_turn->start();
}

void ChatRelay::writeEvent(const QByteArray &name, const QJsonObject &data)
{
    m_responder->writeChunk("event: " + name + "\ndata: " +
                            QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n");
}

void ChatRelay::onCompleted(const TokenUsage &usage)
{
    m_responder->setUpstreamLatency(m_turn->upstreamLatencyMs());
    if (m_streaming) {
        writeEvent("message.done", {{QStringLiteral("message"), messageJson(m_turn->reply())},
                                    {QStringLiteral("usage"), usageJson(usage)}});
        m_responder->endStream();
    } else {
        replyJson(m_responder, 200,
                  {{QStringLiteral("message"), messageJson(m_turn->reply())},
                   {QStringLiteral("userMessage"), m_turn->questionJson()},
                   {QStringLiteral("usage"), usageJson(usage)}});
    }
    end();
}

void ChatRelay::onFailed(const ChatFailure &failure)
{
    sendError(failure.kind == ChatFailure::Kind::Timeout
                  ? ApiError::upstreamTimeout(failure.message)
                  : ApiError::upstream(failure.message));
}

void ChatRelay::onClientGone()
{
    if (m_ended)
        return;
    m_turn->cancel();
    end();
}

void ChatRelay::onShutdown()
{
    if (m_ended)
        return;
    m_turn->cancel();
    sendError(ApiError::unavailable(
        QStringLiteral("The server is shutting down; the reply so far is kept")));
}

void ChatRelay::sendError(const ApiError &error)
{
    m_responder->setUpstreamLatency(m_turn->upstreamLatencyMs());
    if (m_streaming) {
        writeEvent("error", {{QStringLiteral("error"), error.message},
                             {QStringLiteral("code"), error.code}});
        m_responder->endStream();
    } else {
        replyError(m_responder, error);
    }
    end();
}

void ChatRelay::end()
{
    m_ended = true;
    m_ping.stop();
    m_responder->onClientGone(nullptr);
    deleteLater();
}

} // namespace hearth
