#include "api/openai/OpenAiRelay.h"

#include "api/ServerContext.h"
#include "api/chat/StreamTracker.h"
#include "api/chat/UpstreamCall.h"
#include "api/openai/OpenAiCompat.h"
#include "core/Ids.h"
#include "llm/ChatStream.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace hearth {

OpenAiRelay::OpenAiRelay(ServerContext &context, Setup setup, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_setup(std::move(setup))
    , m_id(QStringLiteral("chatcmpl-") + newId().remove(QLatin1Char('-')))
    , m_created(QDateTime::currentSecsSinceEpoch())
{}

void OpenAiRelay::start()
{
    QPointer<OpenAiRelay> self(this);
    m_setup.responder->onClientGone([self] {
        if (self && !self->m_ended) {
            self->m_call->cancel();
            self->end();
        }
    });
    if (m_context.streams) {
        m_context.streams->add(this);
        connect(m_context.streams, &StreamTracker::stopRequested, this, &OpenAiRelay::onShutdown);
    }
    m_call = new UpstreamCall(
        m_context, {m_setup.candidates, m_setup.request, m_setup.userId, m_setup.apiKeyId}, this);
    connect(m_call, &UpstreamCall::reasoning, this, &OpenAiRelay::onReasoning);
    connect(m_call, &UpstreamCall::delta, this, &OpenAiRelay::onDelta);
    connect(m_call, &UpstreamCall::chunkEnded, this, &OpenAiRelay::onChunkEnded);
    connect(m_call, &UpstreamCall::completed, this, &OpenAiRelay::onCompleted);
    connect(m_call, &UpstreamCall::failed, this, &OpenAiRelay::onFailed);
    m_call->start();
}

QJsonObject OpenAiRelay::usageJson(const TokenUsage &usage) const
{
    QJsonObject json{{QStringLiteral("prompt_tokens"), usage.promptTokens},
                     {QStringLiteral("completion_tokens"), usage.completionTokens},
                     {QStringLiteral("total_tokens"), usage.totalTokens}};
    if (usage.reasoningTokens > 0)
        json.insert(QStringLiteral("completion_tokens_details"),
                    QJsonObject{{QStringLiteral("reasoning_tokens"), usage.reasoningTokens}});
    return json;
}

void OpenAiRelay::writeData(const QByteArray &data)
{
    m_setup.responder->writeChunk("data: " + data + "\n\n");
}

QJsonObject OpenAiRelay::envelope(const QString &object, const QJsonArray &choices) const
{
    QJsonObject json{{QStringLiteral("id"), m_id},
                     {QStringLiteral("object"), object},
                     {QStringLiteral("created"), double(m_created)},
                     {QStringLiteral("model"), m_setup.request.model},
                     {QStringLiteral("choices"), choices}};
    // Passed on when the provider sent one, as OpenAI's own answers carry it.
    if (const QString fingerprint = m_call ? m_call->systemFingerprint() : QString();
        !fingerprint.isEmpty())
        json.insert(QStringLiteral("system_fingerprint"), fingerprint);
    return json;
}

void OpenAiRelay::writeChunk(const QJsonObject &delta, const QJsonValue &finishReason,
                             const QJsonValue &logprobs)
{
    const QJsonObject chunk =
        envelope(QStringLiteral("chat.completion.chunk"),
                 {QJsonObject{{QStringLiteral("index"), 0},
                              {QStringLiteral("delta"), delta},
                              {QStringLiteral("logprobs"), logprobs},
                              {QStringLiteral("finish_reason"), finishReason}}});
    writeData(QJsonDocument(chunk).toJson(QJsonDocument::Compact));
}

void OpenAiRelay::beginStream()
{
    if (m_streaming)
        return;
    m_streaming = true;
    m_setup.responder->beginStream(200, "text/event-stream; charset=utf-8");
    writeChunk({{QStringLiteral("role"), QStringLiteral("assistant")},
                {QStringLiteral("content"), QString()}},
               QJsonValue());
}

void OpenAiRelay::onReasoning(const QString &text)
{
    // As DeepSeek streams it, whatever form the provider used.
    if (m_setup.stream)
        m_pendingReasoning += text;
}

void OpenAiRelay::onDelta(const QString &text)
{
    if (m_setup.stream)
        m_pendingContent += text;
}

void OpenAiRelay::onChunkEnded(const QJsonObject &extras, const QJsonValue &logprobs)
{
    if (m_setup.stream) {
        flush(extras, logprobs);
        return;
    }
    m_extras.add(extras);
    if (logprobs.isObject())
        m_logprobs.add(logprobs.toObject());
}

void OpenAiRelay::flush(const QJsonObject &extras, const QJsonValue &logprobs)
{
    QJsonObject delta = extras;
    if (!m_pendingReasoning.isEmpty())
        delta.insert(QStringLiteral("reasoning_content"), m_pendingReasoning);
    if (!m_pendingContent.isEmpty())
        delta.insert(QStringLiteral("content"), m_pendingContent);
    m_pendingReasoning.clear();
    m_pendingContent.clear();
    if (delta.isEmpty() && logprobs.isNull())
        return;
    beginStream();
    writeChunk(delta, QJsonValue(), logprobs);
}

void OpenAiRelay::onCompleted(const ChatCompletion &completion)
{
    m_setup.responder->setUpstreamLatency(m_call->latencyMs());
    if (m_setup.stream) {
        flush();
        beginStream();
        writeChunk(QJsonObject{}, completion.finishReason);
        if (m_setup.includeUsage) {
            QJsonObject last = envelope(QStringLiteral("chat.completion.chunk"), {});
            last.insert(QStringLiteral("usage"), usageJson(completion.usage));
            writeData(QJsonDocument(last).toJson(QJsonDocument::Compact));
        }
        writeData("[DONE]");
        m_setup.responder->endStream();
    } else {
        const QJsonObject logprobs = m_logprobs.result();
        QJsonObject body = envelope(
            QStringLiteral("chat.completion"),
            {QJsonObject{{QStringLiteral("index"), 0},
                         {QStringLiteral("message"), replyMessage()},
                         {QStringLiteral("logprobs"), logprobs.isEmpty() ? QJsonValue() : logprobs},
                         {QStringLiteral("finish_reason"), completion.finishReason}}});
        body.insert(QStringLiteral("usage"), usageJson(completion.usage));
        m_setup.responder->sendJson(200, QJsonDocument(body));
    }
    end();
}

QJsonObject OpenAiRelay::replyMessage() const
{
    // A reply that only calls tools (or refuses) has no content: null, as
    // OpenAI gives it.
    const QString &text = m_call->text();
    QJsonObject message = m_extras.result();
    const bool hasExtras = !message.isEmpty();
    message.insert(QStringLiteral("role"), QStringLiteral("assistant"));
    message.insert(QStringLiteral("content"),
                   text.isEmpty() && hasExtras ? QJsonValue() : QJsonValue(text));
    if (!m_call->reasoningText().isEmpty())
        message.insert(QStringLiteral("reasoning_content"), m_call->reasoningText());
    return withoutStreamIndexes(message);
}

void OpenAiRelay::onFailed(const ChatFailure &failure)
{
    m_setup.responder->setUpstreamLatency(m_call->latencyMs());
    // The provider refused the request itself (a field it does not know, a
    // malformed tools list): the caller hears it as the provider said it.
    const int status = failure.httpStatus;
    if (!m_streaming && !failure.providerError.isEmpty() &&
        (status == 400 || status == 413 || status == 422)) {
        m_setup.responder->sendJson(
            status, QJsonDocument(QJsonObject{{QStringLiteral("error"), failure.providerError}}));
        end();
        return;
    }
    fail(failure.kind == ChatFailure::Kind::Timeout ? ApiError::upstreamTimeout(failure.message)
                                                    : ApiError::upstream(failure.message));
}

void OpenAiRelay::onShutdown()
{
    if (m_ended)
        return;
    m_call->cancel();
    fail(ApiError::unavailable(QStringLiteral("The server is shutting down")));
}

void OpenAiRelay::fail(const ApiError &error)
{
    if (m_streaming) {
        flush();
        writeData(QJsonDocument(openAiError(error)).toJson(QJsonDocument::Compact));
        writeData("[DONE]");
        m_setup.responder->endStream();
    } else {
        replyOpenAiError(m_setup.responder, error);
    }
    end();
}

void OpenAiRelay::end()
{
    m_ended = true;
    m_setup.responder->onClientGone(nullptr);
    deleteLater();
}

} // namespace hearth
