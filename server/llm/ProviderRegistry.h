#pragma once

#include "llm/ChatTypes.h"

#include <QtCore/QObject>

class QNetworkAccessManager;

namespace hearth {

class ChatProvider;
class DemoProvider;

// The providers this server can relay to. With none configured, the
// built-in demo serves every request so the app works offline.
class ProviderRegistry final : public QObject
{
    Q_OBJECT
public:
    ProviderRegistry(int demoDelayMs, QObject *parent = nullptr);
    ~ProviderRegistry() override;

    // Takes ownership (reparents to the registry).
    void add(ChatProvider *provider);
    bool hasConfiguredProviders() const { return !m_providers.isEmpty(); }

    // The provider for `model`, in configuration order; the demo when none
    // is configured; nullptr when providers exist but none serves the model.
    ChatProvider *resolve(const QString &model) const;
    QList<ModelInfo> models() const;
    // The model used when neither the request nor the conversation names one.
    QString defaultModel(const QString &configured) const;

private:
    QList<ChatProvider *> m_providers;
    DemoProvider *m_demo;
};

} // namespace hearth
