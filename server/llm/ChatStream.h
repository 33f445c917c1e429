#pragma once

#include "llm/ChatTypes.h"

#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QObject>

namespace hearth {

// One reply being produced by a provider. Emits reasoning() for every piece
// of a reasoning model's thinking and delta() for every piece of the answer
// as they arrive, then chunkEnded() with whatever else that piece of the
// provider's stream carried; then exactly one of completed() or failed() —
// unless abort() was called, after which it emits nothing more.
class ChatStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void abort() = 0;
    bool producedAnything() const { return m_produced; }
    // The text of what came besides the answer (tool-call arguments, a
    // refusal), for estimating the usage of a reply the provider did not
    // count.
    const QString &extraText() const { return m_extraText; }
    // The provider's system_fingerprint once it has sent one ("" before,
    // or if it never does): OpenAI-compatible callers are shown it.
    const QString &systemFingerprint() const { return m_systemFingerprint; }

signals:
    void reasoning(const QString &text);
    void delta(const QString &text);
    // The end of one piece of the stream. `extras`: the rest of its delta
    // (tool_calls, refusal, audio, …; nulls left out), `logprobs`: its
    // choice's logprobs — for the OpenAI-compatible relay, which passes
    // them on unchanged.
    void chunkEnded(const QJsonObject &extras, const QJsonValue &logprobs);
    void completed(const hearth::ChatCompletion &completion);
    void failed(const hearth::ChatFailure &failure);

protected:
    void emitDelta(const QString &text);
    void emitReasoning(const QString &text);
    void emitChunkEnd(const QJsonObject &extras = {}, const QJsonValue &logprobs = {});
    void setSystemFingerprint(const QString &fingerprint) { m_systemFingerprint = fingerprint; }

private:
    bool m_produced = false;
    QString m_extraText;
    QString m_systemFingerprint;
};

// The arguments of a message's (or a delta's) tool calls, for estimates.
QString toolCallText(const QJsonObject &message);

// Completion usage when the provider reported none: estimated from the text.
TokenUsage estimateUsage(const ChatRequest &request, const QString &reply,
                         const QString &reasoning = {});

} // namespace hearth
