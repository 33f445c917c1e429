#pragma once

#include "llm/ChatTypes.h"

#include <QtCore/QObject>

namespace hearth {

// One reply being produced by a provider. Emits reasoning() for every piece
// of a reasoning model's thinking and delta() for every piece of the answer
// as they arrive, then exactly one of completed() or failed() — unless
// abort() was called, after which it emits nothing more.
class ChatStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void abort() = 0;
    bool producedAnything() const { return m_produced; }

signals:
    void reasoning(const QString &text);
    void delta(const QString &text);
    void completed(const hearth::ChatCompletion &completion);
    void failed(const hearth::ChatFailure &failure);

protected:
    void emitDelta(const QString &text);
    void emitReasoning(const QString &text);

private:
    bool m_produced = false;
};

// Completion usage when the provider reported none: estimated from the text.
TokenUsage estimateUsage(const ChatRequest &request, const QString &reply,
                         const QString &reasoning = {});

} // namespace hearth
