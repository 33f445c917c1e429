#pragma once

#include "llm/ChatTypes.h"

#include <QtCore/QObject>

namespace hearth {

// One reply being produced by a provider. Emits delta() for every piece of
// text as it arrives, then exactly one of completed() or failed() — unless
// abort() was called, after which it emits nothing more.
class ChatStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void abort() = 0;
    bool producedAnything() const { return m_produced; }

signals:
    void delta(const QString &text);
    void completed(const hearth::ChatCompletion &completion);
    void failed(const hearth::ChatFailure &failure);

protected:
    void emitDelta(const QString &text);

private:
    bool m_produced = false;
};

// Completion usage when the provider reported none: estimated from the text.
TokenUsage estimateUsage(const ChatRequest &request, const QString &reply);

} // namespace hearth
