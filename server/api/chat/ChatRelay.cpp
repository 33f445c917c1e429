#include "api/chat/ChatRelay.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/ServerContext.h"
#include "api/chat/StreamTracker.h"
#include "api/chat/UpstreamCall.h"
#include "core/Clock.h"
#include "llm/ChatStream.h"
#include "storage/GroupCommit.h"

#include <QtCore/QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCall)

namespace hearth {

ChatRelay::ChatRelay(ServerContext &context, Setup setup, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_setup(std::move(setup))
{
    m_ping.setInterval(m_context.config.ssePingIntervalSec * 1000);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        // A comment line keeps proxies and clients from giving up while the
        // model thinks; it is not an event.
        m_setup.responder->writeChunk(QByteArrayLiteral(": ping\n\n"));
    });
    m_save.setInterval(m_context.config.replySaveIntervalMs);
    connect(&m_save, &QTimer::timeout, this, &ChatRelay::saveProgress);
}

void ChatRelay::start()
{
    QPointer<ChatRelay> self(this);
    m_setup.responder->onClientGone([self] {
        if (self)
            self->onClientGone();
    });
    if (m_setup.streaming) {
        m_setup.responder->beginStream(200, "text/event-stream; charset=utf-8");
        writeEvent("message.created",
                   {{QStringLiteral("userMessage"), messageJson(m_setup.userMessage)},
                    {QStringLiteral("messageId"), m_setup.reply.id}});
        m_ping.start();
    }
    m_save.start();
    if (m_context.streams) {
        m_context.streams->add(this);
        connect(m_context.streams, &StreamTracker::stopRequested, this, &ChatRelay::onShutdown);
    }
    m_call = new UpstreamCall(
        m_context, {m_setup.candidates, m_setup.request, m_setup.userId, m_setup.apiKeyId}, this);
    connect(m_call, &UpstreamCall::reasoning, this, &ChatRelay::onReasoning);
    connect(m_call, &UpstreamCall::delta, this, &ChatRelay::onDelta);
    connect(m_call, &UpstreamCall::completed, this, &ChatRelay::onCompleted);
    connect(m_call, &UpstreamCall::failed, this, &ChatRelay::onFailed);
    m_call->start();
}

void ChatRelay::writeEvent(const QByteArray &name, const QJsonObject &data)
{
    m_setup.responder->writeChunk("event: " + name + "\ndata: " +
                                  QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n");
}

void ChatRelay::onReasoning(const QString &text)
{
    if (!m_thinking.isValid())
        m_thinking.start();
    m_setup.reply.reasoning += text;
    // An event of its own: the original web client, which knows only
    // message.delta, shows the answer alone.
    if (m_setup.streaming)
        writeEvent("message.reasoning", {{QStringLiteral("delta"), text}});
}

void ChatRelay::reasoningEnded()
{
    if (m_thinking.isValid() && m_setup.reply.reasoningMs == 0)
        m_setup.reply.reasoningMs = qMax<qint64>(1, m_thinking.elapsed());
}

TokenUsage ChatRelay::producedUsage() const
{
    return estimateUsage(m_setup.request, m_setup.reply.content, m_setup.reply.reasoning);
}

void ChatRelay::onDelta(const QString &text)
{
    reasoningEnded();
    m_setup.reply.content += text;
    if (m_setup.streaming)
        writeEvent("message.delta", {{QStringLiteral("delta"), text}});
}

void ChatRelay::saveProgress()
{
    if (!m_context.writes)
        return;
    // With the usage rows of this pass, in one commit; skipped by the
    // database if the reply has ended by then.
    m_context.writes->add(
        [&messages = m_context.messages, id = m_setup.reply.id, content = m_setup.reply.content,
         reasoning = m_setup.reply.reasoning, now = Clock::system().nowMs()] {
            return bool(messages.saveProgress(id, content, reasoning, now));
        },
        {});
}

void ChatRelay::store(const QString &finishReason, const TokenUsage &usage)
{
    reasoningEnded();
    m_setup.reply.finishReason = finishReason;
    m_setup.reply.usage = usage;
    m_setup.responder->setUpstreamLatency(m_call->latencyMs());
    // A reply that produced nothing before failing is not kept; the user's message is.
    const bool keep = !(finishReason == FinishReason::Error && m_setup.reply.content.isEmpty() &&
                        m_setup.reply.reasoning.isEmpty());
    const auto stored = keep ? m_context.messages.finish(m_setup.reply)
                             : m_context.messages.remove(m_setup.reply.id);
    if (!stored)
        qCWarning(lcCall) << "could not store reply" << m_setup.reply.id;
    m_context.conversations.touch(m_setup.reply.conversationId, Clock::system().nowMs());
}

void ChatRelay::onCompleted(const ChatCompletion &completion)
{
    const QString reason = completion.finishReason == QLatin1String("length") ? FinishReason::Length
                                                                              : FinishReason::Stop;
    store(reason, completion.usage);
    if (m_setup.streaming) {
        writeEvent("message.done", {{QStringLiteral("message"), messageJson(m_setup.reply)},
                                    {QStringLiteral("usage"), usageJson(completion.usage)}});
        m_setup.responder->endStream();
    } else {
        replyJson(m_setup.responder, 200,
                  {{QStringLiteral("message"), messageJson(m_setup.reply)},
                   {QStringLiteral("userMessage"), messageJson(m_setup.userMessage)},
                   {QStringLiteral("usage"), usageJson(completion.usage)}});
    }
    end();
}

void ChatRelay::onFailed(const ChatFailure &failure)
{
    const ApiError error = failure.kind == ChatFailure::Kind::Timeout
                               ? ApiError::upstreamTimeout(failure.message)
                               : ApiError::upstream(failure.message);
    store(FinishReason::Error, producedUsage());
    if (m_setup.streaming) {
        writeEvent("error", {{QStringLiteral("error"), error.message},
                             {QStringLiteral("code"), error.code}});
        m_setup.responder->endStream();
    } else {
        replyError(m_setup.responder, error);
    }
    end();
}

void ChatRelay::onClientGone()
{
    if (m_ended)
        return;
    m_call->cancel();
    store(FinishReason::Cancelled, producedUsage());
    end();
}

void ChatRelay::onShutdown()
{
    if (m_ended)
        return;
    m_call->cancel();
    store(FinishReason::Cancelled, producedUsage());
    const ApiError error = ApiError::unavailable(
        QStringLiteral("The server is shutting down; the reply so far is kept"));
    if (m_setup.streaming) {
        writeEvent("error", {{QStringLiteral("error"), error.message},
                             {QStringLiteral("code"), error.code}});
        m_setup.responder->endStream();
    } else {
        replyError(m_setup.responder, error);
    }
    end();
}

void ChatRelay::end()
{
    m_ended = true;
    m_ping.stop();
    m_save.stop();
    m_setup.responder->onClientGone(nullptr);
    deleteLater();
}

} // namespace hearth
