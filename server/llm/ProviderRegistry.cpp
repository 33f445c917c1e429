#include "llm/ProviderRegistry.h"

#include "llm/ChatProvider.h"
#include "llm/DemoProvider.h"

namespace hearth {

ProviderRegistry::ProviderRegistry(int demoDelayMs, QObject *parent)
    : QObject(parent)
    , m_demo(new DemoProvider(demoDelayMs, this))
{}

ProviderRegistry::~ProviderRegistry() = default;

void ProviderRegistry::add(ChatProvider *provider)
{
    provider->setParent(this);
    m_providers << provider;
}

void ProviderRegistry::replaceConfigured(const QList<ChatProvider *> &providers)
{
    for (ChatProvider *old : std::as_const(m_providers))
        old->deleteLater();
    m_providers.clear();
    for (ChatProvider *provider : providers)
        add(provider);
}

void ProviderRegistry::addDetected(ChatProvider *provider)
{
    provider->setParent(this);
    m_detected << provider;
}

const QList<ChatProvider *> &ProviderRegistry::active() const
{
    return m_providers.isEmpty() ? m_detected : m_providers;
}

QList<ChatProvider *> ProviderRegistry::candidates(const QString &model) const
{
    if (active().isEmpty())
        return {m_demo};
    QList<ChatProvider *> serving;
    for (ChatProvider *provider : active()) {
        if (provider->serves(model))
            serving << provider;
    }
    return serving;
}

ChatProvider *ProviderRegistry::resolve(const QString &model) const
{
    const QList<ChatProvider *> list = candidates(model);
    return list.isEmpty() ? nullptr : list.first();
}

QList<ModelInfo> ProviderRegistry::models() const
{
    if (active().isEmpty())
        return m_demo->models();
    QList<ModelInfo> all;
    QStringList seen;
    for (const ChatProvider *provider : active()) {
        for (const ModelInfo &model : provider->models()) {
            if (seen.contains(model.id))
                continue; // served by several: listed once, under the first
            seen << model.id;
            all << model;
        }
    }
    return all;
}

std::optional<ModelInfo> ProviderRegistry::model(const QString &id) const
{
    for (const ModelInfo &info : models()) {
        if (info.id == id)
            return info;
    }
    return std::nullopt;
}

QString ProviderRegistry::defaultModel(const QString &configured) const
{
    if (!configured.isEmpty())
        return configured;
    const QList<ModelInfo> list = models();
    return list.isEmpty() ? DemoProvider::modelId : list.first().id;
}

} // namespace hearth
