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

ChatProvider *ProviderRegistry::resolve(const QString &model) const
{
    if (m_providers.isEmpty())
        return m_demo;
    for (ChatProvider *provider : m_providers) {
        if (provider->serves(model))
            return provider;
    }
    return nullptr;
}

QList<ModelInfo> ProviderRegistry::models() const
{
    if (m_providers.isEmpty())
        return m_demo->models();
    QList<ModelInfo> all;
    for (const ChatProvider *provider : m_providers)
        all << provider->models();
    return all;
}

QString ProviderRegistry::defaultModel(const QString &configured) const
{
    if (!configured.isEmpty())
        return configured;
    const QList<ModelInfo> list = models();
    return list.isEmpty() ? DemoProvider::modelId : list.first().id;
}

} // namespace hearth
