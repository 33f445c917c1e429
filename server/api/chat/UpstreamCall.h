#pragma once

#include "llm/ChatTypes.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>

namespace hearth {

struct ServerContext;
class ChatProvider;
class ChatStream;
struct UsageRecord;

// One upstream chat call with failover: tries the providers serving the
// model in order, moving on when one fails before producing anything.
// Writes one usage-ledger row per attempt (ok, error or cancelled), so the
// statistics count every call exactly once; completed and failed are
// emitted once the row is committed.
class UpstreamCall final : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        QList<QPointer<ChatProvider>> candidates;
        ChatRequest request;
        QString userId;
        QString apiKeyId;
    };

    UpstreamCall(ServerContext &context, Setup setup, QObject *parent);
    ~UpstreamCall() override;

    void start();
    // The client went away: stop the provider, count what it produced.
    void cancel();
    const QString &text() const { return m_text; }
    const QString &reasoningText() const { return m_reasoning; }
    // The answering provider's system_fingerprint, once it has sent one.
    QString systemFingerprint() const;
    qint64 latencyMs() const { return m_elapsed.elapsed(); }

signals:
    void reasoning(const QString &text);
    void delta(const QString &text);
    void chunkEnded(const QJsonObject &extras, const QJsonValue &logprobs);
    void completed(const hearth::ChatCompletion &completion);
    void failed(const hearth::ChatFailure &failure);

private:
    bool startNext();
    void onFailed(const ChatFailure &failure);
    // Estimated usage of what the current attempt produced.
    TokenUsage producedUsage() const;
    // The ledger row of the current attempt.
    UsageRecord usageRow(const QString &status, const TokenUsage &usage) const;
    // `then` runs once the row is committed (or could not be).
    void record(const UsageRecord &row, std::function<void()> then = {});

    ServerContext &m_context;
    Setup m_setup;
    int m_next = 0;
    QString m_providerName;
    QPointer<ChatStream> m_stream;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_attempt;
    QString m_text;
    QString m_reasoning;
    bool m_done = false;
};

} // namespace hearth
