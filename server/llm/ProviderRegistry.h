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
    // Replaces the configured providers (in priority order); the old ones
    // are deleted later, so replies in flight are not cut.
    void replaceConfigured(const QList<ChatProvider *> &providers);
    // A provider found on this machine (Ollama); used only while none is configured.
    void addDetected(ChatProvider *provider);
    bool hasConfiguredProviders() const { return !active().isEmpty(); }

    // Every provider serving `model`, best first: the failover order. With
    // none configured, the demo serves every model.
    QList<ChatProvider *> candidates(const QString &model) const;
    ChatProvider *resolve(const QString &model) const;
    QList<ModelInfo> models() const;
    // As models() lists it; nullopt for a model no provider lists.
    std::optional<ModelInfo> model(const QString &id) const;
    // The model used when neither the request nor the conversation names one.
    QString defaultModel(const QString &configured) const;

private:
    const QList<ChatProvider *> &active() const;
    QList<ChatProvider *> m_providers;
    QList<ChatProvider *> m_detected;
    DemoProvider *m_demo;
};

} // namespace hearth
