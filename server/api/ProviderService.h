#pragma once

#include "core/Outcome.h"
#include "llm/UpstreamTimeouts.h"
#include "security/SecretBox.h"
#include "storage/ProviderRepository.h"

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QTimer>

namespace hearth {

struct ServerContext;
struct ModelListResult;

// The providers in the database, live in the registry. API keys are stored
// sealed (AES-256-GCM, key file in the data folder) and only ever shown
// masked. Every change reloads the registry; replies in flight continue on
// the provider objects they started with.
class ProviderService final : public QObject
{
    Q_OBJECT
public:
    ProviderService(ServerContext &context, SecretBox box, UpstreamTimeouts timeouts,
                    QObject *parent = nullptr);

    // At start: the environment's providers into the database, then load.
    void start();
    void reload();

    QJsonObject toJson(const ProviderRecord &provider) const;
    // Stores `key` sealed (empty: no key) with its masked hint.
    void setKey(ProviderRecord &provider, const QString &key) const;
    QString keyOf(const ProviderRecord &provider) const;
    void fetchModels(const ProviderRecord &provider, QObject *context,
                     std::function<void(const ModelListResult &)> done);

private:
    void seedFromEnvironment();
    void detectOllama();
    void remember(const QString &providerId, const QStringList &models);

    ServerContext &m_context;
    SecretBox m_box;
    UpstreamTimeouts m_timeouts;
    bool m_detecting = false;
    // Another instance on the same database may change the providers: their
    // stored state is compared every few seconds and reloaded when it moved.
    QByteArray fingerprint(const QList<ProviderRecord> &records) const;
    void syncWithDatabase();
    QByteArray m_loaded;
    QTimer m_sync;
};

} // namespace hearth
