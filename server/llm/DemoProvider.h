#pragma once

#include "llm/ChatProvider.h"

namespace hearth {

// The built-in, offline demo model ("hearth-demo"). It answers when no
// provider is configured so the app works out of the box, and says plainly
// that it is a demo and how to connect a real model.
class DemoProvider final : public ChatProvider
{
    Q_OBJECT
public:
    static inline const QString modelId = QStringLiteral("hearth-demo");

    explicit DemoProvider(int delayMs, QObject *parent = nullptr)
        : ChatProvider(parent)
        , m_delayMs(delayMs)
    {}

    QString name() const override { return QStringLiteral("Hearth"); }
    QList<ModelInfo> models() const override;
    ChatStream *startChat(const ChatRequest &request, QObject *parent) override;

    // The reply the demo gives to `request`, split into the pieces it streams.
    static QStringList replyPieces(const ChatRequest &request);

private:
    int m_delayMs;
};

} // namespace hearth
