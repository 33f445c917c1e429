#include "llm/OpenAiChatStream.h"

#include "core/TokenEstimator.h"
#include "llm/ProviderErrors.h"
#include "llm/Redaction.h"
#include "llm/RelayBody.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace hearth {

namespace {
constexpr qsizetype maxErrorBody = 64 * 1024;

// The delta fields Hearth reads itself; the rest are passed on as extras.
bool isAnswerField(const QString &key)
{
    return key == QLatin1String("content") || key == QLatin1String("reasoning_content") ||
           key == QLatin1String("reasoning") || key == QLatin1String("role");
}
} // namespace

OpenAiChatStream::OpenAiChatStream(ChatRequest request, QString providerName, QString apiKey,
                                   UpstreamTimeouts timeouts, QObject *parent)
    : ChatStream(parent)
    , m_request(std::move(request))
    , m_providerName(std::move(providerName))
    , m_apiKey(std::move(apiKey))
    , m_timeouts(timeouts)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OpenAiChatStream::onTimeout);
}

OpenAiChatStream::~OpenAiChatStream()
{
    abort();
}

QByteArray OpenAiChatStream::requestBody() const
{
    if (!m_request.passthroughBody.isEmpty())
        return rewriteMembers(m_request.passthroughBody,
                              {{QStringLiteral("model"), jsonString(m_request.model)},
                               {QStringLiteral("stream"), "true"},
                               {QStringLiteral("stream_options"), R"({"include_usage":true})"}});
    QJsonArray messages;
    for (const ChatMessage &m : m_request.messages) {
        if (m.parts.isEmpty()) {
            messages.append(QJsonObject{{QStringLiteral("role"), m.role},
                                        {QStringLiteral("content"), m.content}});
            continue;
        }
        QJsonArray parts; // no empty text part for a picture sent without words
        if (!m.content.isEmpty())
            parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                     {QStringLiteral("text"), m.content}});
        for (const ChatPart &part : m.parts) {
            if (!part.imageUrl.isEmpty())
                parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                                         {QStringLiteral("image_url"),
                                          QJsonObject{{QStringLiteral("url"), part.imageUrl}}}});
            else
                parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                         {QStringLiteral("text"), part.text}});
        }
        messages.append(
            QJsonObject{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), parts}});
    }
    QJsonObject body{
        {QStringLiteral("model"), m_request.model},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("stream"), true},
        {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}}};
    if (m_request.temperature)
        body.insert(QStringLiteral("temperature"), *m_request.temperature);
    if (m_request.maxTokens)
        body.insert(QStringLiteral("max_tokens"), *m_request.maxTokens);
    if (m_request.topP)
        body.insert(QStringLiteral("top_p"), *m_request.topP);
    if (!m_request.stop.isEmpty())
        body.insert(QStringLiteral("stop"), QJsonArray::fromStringList(m_request.stop));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void OpenAiChatStream::start(UpstreamClient *client, const QUrl &url)
{
    UpstreamRequest request;
    request.url = url;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}};
    if (!m_apiKey.isEmpty())
        request.headers.append({"Authorization", "Bearer " + m_apiKey.toUtf8()});
    request.body = requestBody();
    m_exchange = client->exchange(std::move(request), this);
    connect(m_exchange, &UpstreamExchange::bodyReceived, this, &OpenAiChatStream::onBody);
    connect(m_exchange, &UpstreamExchange::finished, this, &OpenAiChatStream::onFinished);
    connect(m_exchange, &UpstreamExchange::failed, this, &OpenAiChatStream::onFailed);
    connect(m_exchange, &UpstreamExchange::requestSent, this, [this] {
        if (m_phase == Phase::Connecting) {
            m_phase = Phase::WaitingFirstByte;
            m_timer.start(m_timeouts.firstByteMs);
        }
    });
    connect(m_exchange, &UpstreamExchange::headReceived, this, [this] {
        m_phase = Phase::Streaming;
        m_timer.start(m_timeouts.idleMs);
    });
    m_timer.start(m_timeouts.connectMs);
    m_exchange->start();
}

void OpenAiChatStream::abort()
{
    m_ended = true;
    m_timer.stop();
    if (m_exchange) {
        m_exchange->disconnect(this);
        m_exchange->abort();
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
}

void OpenAiChatStream::onTimeout()
{
    const QString what = m_phase == Phase::Connecting
                             ? QStringLiteral("could not be reached in time")
                         : m_phase == Phase::WaitingFirstByte
                             ? QStringLiteral("did not start answering in time")
                             : QStringLiteral("stopped sending in the middle of the reply");
    fail(ChatFailure::Kind::Timeout, 0,
         QStringLiteral("The provider %1 %2").arg(m_providerName, what));
}

void OpenAiChatStream::onBody(const QByteArray &bytes)
{
    if (m_ended || !m_exchange)
        return;
    m_phase = Phase::Streaming;
    m_timer.start(m_timeouts.idleMs);
    if (m_exchange->status() != 200) {
        if (m_errorBody.size() < maxErrorBody)
            m_errorBody.append(bytes.left(maxErrorBody - m_errorBody.size()));
        return;
    }
    for (const SseEvent &event : m_parser.feed(bytes)) {
        handleEvent(event);
        if (m_ended)
            return;
    }
    if (m_parser.failed())
        fail(ChatFailure::Kind::Upstream, 0,
             QStringLiteral("The provider %1 sent a malformed stream").arg(m_providerName));
}

void OpenAiChatStream::handleEvent(const SseEvent &event)
{
    if (event.data == "[DONE]") {
        m_sawDone = true;
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(ChatFailure::Kind::Upstream, 0,
             QStringLiteral("The provider %1 sent a malformed stream").arg(m_providerName));
        return;
    }
    const QJsonObject chunk = doc.object();
    if (chunk.contains(QLatin1String("error"))) {
        const QJsonValue error = chunk.value(QLatin1String("error"));
        const QString message = error.isObject()
                                    ? error.toObject().value(QLatin1String("message")).toString()
                                    : error.toString();
        fail(ChatFailure::Kind::Upstream, 0,
             QStringLiteral("The provider %1 reported an error: %2").arg(m_providerName, message));
        return;
    }
    if (const QJsonValue fingerprint = chunk.value(QLatin1String("system_fingerprint"));
        fingerprint.isString())
        setSystemFingerprint(fingerprint.toString());
    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        // DeepSeek's field, and the one some other servers use; null when absent.
        for (const char *field : {"reasoning_content", "reasoning"}) {
            const QJsonValue reasoning = delta.value(QLatin1String(field));
            if (reasoning.isString())
                emitPieces(m_splitter.feedReasoning(reasoning.toString()));
        }
        const QJsonValue content = delta.value(QLatin1String("content"));
        if (content.isString())
            emitPieces(m_splitter.feedContent(content.toString()));
        const QJsonValue finish = choice.value(QLatin1String("finish_reason"));
        if (finish.isString())
            m_finishReason = finish.toString();
        QJsonObject extras;
        for (auto it = delta.begin(); it != delta.end(); ++it)
            if (!it.value().isNull() && !isAnswerField(it.key()))
                extras.insert(it.key(), it.value());
        emitChunkEnd(extras, choice.value(QLatin1String("logprobs")));
        if (m_ended)
            return;
    }
    const QJsonValue usage = chunk.value(QLatin1String("usage"));
    if (usage.isObject()) {
        const QJsonObject u = usage.toObject();
        TokenUsage reported;
        reported.promptTokens = u.value(QLatin1String("prompt_tokens")).toInt();
        reported.completionTokens = u.value(QLatin1String("completion_tokens")).toInt();
        reported.totalTokens = u.value(QLatin1String("total_tokens"))
                                   .toInt(reported.promptTokens + reported.completionTokens);
        reported.reasoningTokens = u.value(QLatin1String("completion_tokens_details"))
                                       .toObject()
                                       .value(QLatin1String("reasoning_tokens"))
                                       .toInt();
        m_usage = reported;
    }
}

QString OpenAiChatStream::providerErrorMessage(int status, const QByteArray &body) const
{
    const QString detail = providerErrorDetail(body);
    QString message = QStringLiteral("The provider %1 answered %2").arg(m_providerName).arg(status);
    if (!detail.isEmpty())
        message += QStringLiteral(": ") + detail;
    return message;
}

void OpenAiChatStream::onFailed(const QString &error)
{
    if (m_ended || !m_exchange)
        return;
    if (m_exchange->status() == 0) {
        fail(ChatFailure::Kind::Upstream, 0,
             QStringLiteral("The provider %1 could not be reached: %2").arg(m_providerName, error));
        return;
    }
    if (m_exchange->status() != 200) {
        fail(ChatFailure::Kind::Upstream, m_exchange->status(),
             providerErrorMessage(m_exchange->status(), m_errorBody));
        return;
    }
    fail(ChatFailure::Kind::Upstream, 200,
         QStringLiteral("The connection to the provider %1 broke: %2").arg(m_providerName, error));
}

void OpenAiChatStream::onFinished()
{
    if (m_ended || !m_exchange)
        return;
    const int status = m_exchange->status();
    if (status >= 300 && status < 400) {
        fail(ChatFailure::Kind::Upstream, status,
             QStringLiteral(
                 "The provider %1 answered with a redirect, which Hearth does not follow; "
                 "check its base URL")
                 .arg(m_providerName));
        return;
    }
    if (status != 200) {
        fail(ChatFailure::Kind::Upstream, status, providerErrorMessage(status, m_errorBody));
        return;
    }
    if (!m_sawDone && m_finishReason.isEmpty()) {
        fail(ChatFailure::Kind::Upstream, status,
             QStringLiteral("The provider %1 ended the reply without finishing it")
                 .arg(m_providerName));
        return;
    }
    complete();
}

void OpenAiChatStream::emitPieces(const ReasoningSplitter::Pieces &pieces)
{
    if (!pieces.reasoning.isEmpty()) {
        m_reasoning += pieces.reasoning;
        emitReasoning(pieces.reasoning);
    }
    if (!pieces.content.isEmpty()) {
        m_text += pieces.content;
        emitDelta(pieces.content);
    }
}

void OpenAiChatStream::complete()
{
    emitPieces(m_splitter.finish());
    if (m_ended)
        return; // the client left while the last pieces went out
    ChatCompletion completion;
    completion.finishReason = m_finishReason.isEmpty() ? QStringLiteral("stop") : m_finishReason;
    completion.usage =
        m_usage ? *m_usage : estimateUsage(m_request, m_text + extraText(), m_reasoning);
    // A provider that reports usage without its reasoning share: estimated.
    if (m_usage && completion.usage.reasoningTokens == 0 && !m_reasoning.isEmpty())
        completion.usage.reasoningTokens =
            qMin(estimateTokens(m_reasoning), completion.usage.completionTokens);
    abort();
    emit completed(completion);
}

QJsonObject OpenAiChatStream::providerError(int status) const
{
    if (status < 400 || status >= 500)
        return {};
    QJsonObject error =
        QJsonDocument::fromJson(m_errorBody).object().value(QLatin1String("error")).toObject();
    for (auto it = error.begin(); it != error.end(); ++it)
        if (it.value().isString())
            it.value() = redactSecrets(it.value().toString(), {m_apiKey});
    return error;
}

void OpenAiChatStream::fail(ChatFailure::Kind kind, int status, const QString &message)
{
    if (m_ended)
        return;
    const QJsonObject error = m_exchange ? providerError(status) : QJsonObject();
    abort();
    emit failed(ChatFailure{kind, status, redactSecrets(message, {m_apiKey}), error});
}

} // namespace hearth
