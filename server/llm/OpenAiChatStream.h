#pragma once

#include "llm/ChatStream.h"
#include "llm/ReasoningSplitter.h"
#include "llm/SseParser.h"
#include "llm/UpstreamClient.h"
#include "llm/UpstreamTimeouts.h"

#include <QtCore/QPointer>
#include <QtCore/QTimer>

class QUrl;

namespace hearth {

// One streamed chat completion from an OpenAI-compatible endpoint. Always
// asks the provider to stream (with usage in the last chunk) so that every
// reply, synchronous or not, gets the same timeouts and cancellation. A
// reasoning model's thinking (reasoning_content, reasoning, or <think> in
// the content) is told apart from its answer.
class OpenAiChatStream final : public ChatStream
{
    Q_OBJECT
public:
    OpenAiChatStream(ChatRequest request, QString providerName, QString apiKey,
                     UpstreamTimeouts timeouts, QObject *parent);
    ~OpenAiChatStream() override;

    // POSTs to `url` (…/chat/completions) through `client`.
    void start(UpstreamClient *client, const QUrl &url);
    void abort() override;

private:
    void onBody(const QByteArray &bytes);
    void onFinished();
    void onFailed(const QString &error);
    void onTimeout();
    void handleEvent(const SseEvent &event);
    void fail(ChatFailure::Kind kind, int status, const QString &message);
    void complete();
    void emitPieces(const ReasoningSplitter::Pieces &pieces);
    QString providerErrorMessage(int status, const QByteArray &body) const;
    // The provider's {"error": …} object of a 4xx answer, secrets redacted.
    QJsonObject providerError(int status) const;
    QByteArray requestBody() const;

    ChatRequest m_request;
    QString m_providerName;
    QString m_apiKey;
    UpstreamTimeouts m_timeouts;
    QPointer<UpstreamExchange> m_exchange;
    QTimer m_timer;
    enum class Phase { Connecting, WaitingFirstByte, Streaming } m_phase = Phase::Connecting;
    SseParser m_parser;
    QByteArray m_errorBody;
    ReasoningSplitter m_splitter;
    QString m_text;
    QString m_reasoning;
    QString m_finishReason;
    std::optional<TokenUsage> m_usage;
    bool m_sawDone = false;
    bool m_ended = false;
};

} // namespace hearth
