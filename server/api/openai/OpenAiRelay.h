#pragma once

#include "core/ApiError.h"
#include "http/Responder.h"
#include "llm/ChatTypes.h"
#include "llm/DeltaGatherer.h"

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace hearth {

struct ServerContext;
class ChatProvider;
class UpstreamCall;

// Relays one upstream call in the OpenAI Chat Completions format: one
// chat.completion, or chat.completion.chunk events ending in data: [DONE].
// The stream's headers go out with the first delta, so a provider that fails
// before answering gives a plain HTTP error the SDKs understand. Each piece
// of the provider's stream becomes one chunk: the answer and reasoning as
// Hearth split them, everything else in the delta (tool calls, refusal, …)
// and the logprobs unchanged; unstreamed, they are gathered into one message.
class OpenAiRelay final : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        ResponderPtr responder;
        bool stream = false;
        bool includeUsage = false;
        QList<QPointer<ChatProvider>> candidates;
        ChatRequest request;
        QString userId;
        QString apiKeyId;
    };

    OpenAiRelay(ServerContext &context, Setup setup, QObject *parent);
    void start();

private:
    void onReasoning(const QString &text);
    void onDelta(const QString &text);
    void onChunkEnded(const QJsonObject &extras, const QJsonValue &logprobs);
    // Writes what came since the last chunk, with `extras` in its delta.
    void flush(const QJsonObject &extras = {}, const QJsonValue &logprobs = {});
    void onCompleted(const ChatCompletion &completion);
    void onFailed(const ChatFailure &failure);
    void fail(const ApiError &error);
    void onShutdown();
    void beginStream();
    // What every answer and chunk starts with: id, object, created, model.
    QJsonObject envelope(const QString &object, const QJsonArray &choices) const;
    void writeChunk(const QJsonObject &delta, const QJsonValue &finishReason,
                    const QJsonValue &logprobs = {});
    void writeData(const QByteArray &data);
    QJsonObject usageJson(const TokenUsage &usage) const;
    // The non-streamed answer's message, with reasoning_content as DeepSeek
    // gives it.
    QJsonObject replyMessage() const;
    void end();

    ServerContext &m_context;
    Setup m_setup;
    UpstreamCall *m_call = nullptr;
    QString m_id;
    qint64 m_created = 0;
    QString m_pendingReasoning;
    QString m_pendingContent;
    DeltaGatherer m_extras;   // unstreamed: the delta extras gathered
    DeltaGatherer m_logprobs; // unstreamed: the logprobs gathered
    bool m_streaming = false;
    bool m_ended = false;
};

} // namespace hearth
