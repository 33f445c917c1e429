#pragma once

#include "llm/ChatProvider.h"
#include "llm/UpstreamTimeouts.h"

#include <QtCore/QHash>
#include <QtCore/QUrl>

class QNetworkAccessManager;

namespace hearth {

struct OpenAiEndpoint
{
    QString name;                // shown to people, e.g. "DeepSeek"
    QUrl baseUrl;                // e.g. https://api.deepseek.com/v1
    QString apiKey;              // may be empty for local servers (Ollama, llama.cpp)
    QStringList models;          // known models
    bool modelsManual = false;   // false: refreshModels() asks GET {baseUrl}/models
    QHash<QString, bool> vision; // the admin's word on which models accept pictures
};

// An OpenAI-compatible endpoint (OpenAI, DeepSeek, Ollama, llama.cpp, vLLM…).
class UpstreamClient;

class OpenAiProvider final : public ChatProvider
{
    Q_OBJECT
public:
    // `network` lists models; `client` carries the chats.
    OpenAiProvider(OpenAiEndpoint endpoint, UpstreamTimeouts timeouts,
                   QNetworkAccessManager *network, UpstreamClient *client,
                   QObject *parent = nullptr);

    QString name() const override { return m_endpoint.name; }
    QList<ModelInfo> models() const override;
    ChatStream *startChat(const ChatRequest &request, QObject *parent) override;

    // Asks the provider for its models unless they were set by hand
    // (asynchronous; emits modelsChanged() or modelsUnavailable()).
    void refreshModels();
    QStringList modelIds() const;
    QUrl endpointUrl(const QString &path) const;

private:
    // The models as listed, with what is known of their vision, worked out
    // once per list: models() is asked on every send.
    void describe(const QStringList &ids, const QHash<QString, bool> &reportedVision);

    OpenAiEndpoint m_endpoint;
    UpstreamTimeouts m_timeouts;
    QNetworkAccessManager *m_network;
    UpstreamClient *m_client;
    QList<ModelInfo> m_models;
};

// Name shown for an endpoint configured only by URL: its host, with the
// well-known ones spelled properly.
QString providerNameForUrl(const QUrl &url);

} // namespace hearth
