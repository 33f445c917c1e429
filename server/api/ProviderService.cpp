#include "api/ProviderService.h"

#include "api/ServerContext.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "core/TimeFormat.h"
#include "llm/ModelLister.h"
#include "llm/OpenAiProvider.h"
#include "llm/Redaction.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>

Q_LOGGING_CATEGORY(lcProviders, "hearth.providers")

namespace hearth {

ProviderService::ProviderService(ServerContext &context, SecretBox box, UpstreamTimeouts timeouts,
                                 QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_box(std::move(box))
    , m_timeouts(timeouts)
{}

void ProviderService::start()
{
    seedFromEnvironment();
    reload();
    m_sync.setInterval(5000);
    connect(&m_sync, &QTimer::timeout, this, &ProviderService::syncWithDatabase);
    m_sync.start();
}

QByteArray ProviderService::fingerprint(const QList<ProviderRecord> &records) const
{
    // Discovered model lists are left out: every instance asks the provider
    // itself, and storing them must not make the others reload.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const ProviderRecord &r : records) {
        for (const QString &field :
             {r.id, r.name, r.baseUrl, r.sealedKey,
              r.modelsManual ? r.models.join(u'\n') : QString(), QString::number(r.modelsManual),
              QString::number(r.enabled), QString::number(r.priority),
              QString::fromUtf8(QJsonDocument(modelVisionJson(r)).toJson())})
            hash.addData(QByteArrayView(field.toUtf8() + '\0'));
    }
    return hash.result();
}

void ProviderService::syncWithDatabase()
{
    const auto records = m_context.providerRecords.list();
    if (records && fingerprint(records.value()) != m_loaded)
        reload();
}

QJsonObject ProviderService::toJson(const ProviderRecord &p) const
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("baseUrl"), p.baseUrl},
            {QStringLiteral("apiKey"), p.keyHint.isEmpty() ? QJsonValue() : QJsonValue(p.keyHint)},
            {QStringLiteral("models"), QJsonArray::fromStringList(p.models)},
            {QStringLiteral("modelsManual"), p.modelsManual},
            {QStringLiteral("modelVision"), modelVisionJson(p)},
            {QStringLiteral("enabled"), p.enabled},
            {QStringLiteral("priority"), p.priority},
            {QStringLiteral("createdAt"), toRfc3339(p.createdAt)}};
}

void ProviderService::setKey(ProviderRecord &p, const QString &key) const
{
    p.sealedKey = key.isEmpty() ? QString() : m_box.seal(key);
    p.keyHint = key.isEmpty() ? QString() : maskSecret(key);
}

QString ProviderService::keyOf(const ProviderRecord &p) const
{
    if (p.sealedKey.isEmpty())
        return {};
    const auto key = m_box.open(p.sealedKey);
    if (!key)
        qCWarning(lcProviders).noquote()
            << "the key of provider" << p.name << "cannot be unsealed (was secret.key replaced?)";
    return key.value_or(QString());
}

void ProviderService::fetchModels(const ProviderRecord &p, QObject *context,
                                  std::function<void(const ModelListResult &)> done)
{
    listModels(m_context.network, QUrl(p.baseUrl), keyOf(p), m_timeouts.connectMs, context,
               std::move(done));
}

void ProviderService::seedFromEnvironment()
{
    const auto existing = m_context.providerRecords.list();
    if (!existing)
        return;
    int priority = int(m_context.config.providers.size());
    for (const ProviderSeed &seed : m_context.config.providers) {
        ProviderRecord record;
        bool found = false;
        for (const ProviderRecord &p : existing.value()) {
            if (p.baseUrl == seed.baseUrl) {
                record = p;
                found = true;
            }
        }
        // The environment is the source of truth for its own providers' keys.
        if (found && keyOf(record) == seed.apiKey)
            continue;
        if (!found) {
            record.id = newId();
            record.name = providerNameForUrl(QUrl(seed.baseUrl));
            record.baseUrl = seed.baseUrl;
            record.priority = priority--;
            record.createdAt = Clock::system().nowMs();
        }
        setKey(record, seed.apiKey);
        record.updatedAt = Clock::system().nowMs();
        found ? m_context.providerRecords.update(record) : m_context.providerRecords.insert(record);
    }
}

void ProviderService::remember(const QString &providerId, const QStringList &models)
{
    auto found = m_context.providerRecords.find(providerId);
    if (!found || !found.value() || found.value()->modelsManual || found.value()->models == models)
        return;
    ProviderRecord record = *found.value();
    record.models = models;
    record.updatedAt = Clock::system().nowMs();
    m_context.providerRecords.update(record);
}

void ProviderService::reload()
{
    const auto records = m_context.providerRecords.list();
    if (!records) {
        qCWarning(lcProviders) << "cannot load the providers:" << records.error().message;
        return;
    }
    m_loaded = fingerprint(records.value());
    QList<ChatProvider *> live;
    for (const ProviderRecord &record : records.value()) {
        if (!record.enabled)
            continue;
        auto *provider =
            new OpenAiProvider({record.name, QUrl(record.baseUrl), keyOf(record), record.models,
                                record.modelsManual, record.modelVision},
                               m_timeouts, m_context.network, m_context.upstream);
        const QString id = record.id;
        const QString name = record.name;
        connect(provider, &ChatProvider::modelsChanged, this,
                [this, provider, id] { remember(id, provider->modelIds()); });
        connect(provider, &ChatProvider::modelsUnavailable, this, [name](const QString &reason) {
            qCWarning(lcProviders).noquote()
                << "cannot list the models of" << name << ":" << reason;
        });
        provider->refreshModels();
        live << provider;
    }
    m_context.providers->replaceConfigured(live);
    if (records->isEmpty() && m_context.config.ollamaUrl != QLatin1String("off"))
        detectOllama();
}

void ProviderService::detectOllama()
{
    if (m_detecting)
        return;
    m_detecting = true;
    // Ollama on this machine is used as soon as it answers, while nothing is
    // configured; until then (or without it) the built-in demo serves.
    auto *ollama = new OpenAiProvider(
        {QStringLiteral("Ollama"), QUrl(m_context.config.ollamaUrl), {}, {}, false}, m_timeouts,
        m_context.network, m_context.upstream, this);
    connect(ollama, &ChatProvider::modelsChanged, this, [this, ollama] {
        if (ollama->models().isEmpty())
            return;
        m_context.providers->addDetected(ollama);
        qCInfo(lcProviders) << "found Ollama on this machine with" << ollama->models().size()
                            << "models";
    });
    connect(ollama, &ChatProvider::modelsUnavailable, ollama, &QObject::deleteLater);
    ollama->refreshModels();
}

} // namespace hearth
