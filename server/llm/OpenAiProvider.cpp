#include "llm/OpenAiProvider.h"

#include "llm/UpstreamClient.h"

#include "llm/ModelLister.h"
#include "llm/ModelVision.h"
#include "llm/OpenAiChatStream.h"
#include "llm/Redaction.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

Q_LOGGING_CATEGORY(lcUpstream, "hearth.upstream")

namespace hearth {

QString providerNameForUrl(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host.endsWith(QLatin1String("deepseek.com")))
        return QStringLiteral("DeepSeek");
    if (host.endsWith(QLatin1String("openai.com")))
        return QStringLiteral("OpenAI");
    if (url.port() == 11434)
        return QStringLiteral("Ollama");
    return host;
}

OpenAiProvider::OpenAiProvider(OpenAiEndpoint endpoint, UpstreamTimeouts timeouts,
                               QNetworkAccessManager *network, UpstreamClient *client,
                               QObject *parent)
    : ChatProvider(parent)
    , m_endpoint(std::move(endpoint))
    , m_timeouts(timeouts)
    , m_network(network)
    , m_client(client)
{
    describe(m_endpoint.models, {});
}

QUrl OpenAiProvider::endpointUrl(const QString &path) const
{
    QUrl url = m_endpoint.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

QList<ModelInfo> OpenAiProvider::models() const
{
    return m_models;
}

QStringList OpenAiProvider::modelIds() const
{
    QStringList ids;
    for (const ModelInfo &info : m_models)
        ids << info.id;
    return ids;
}

void OpenAiProvider::describe(const QStringList &ids, const QHash<QString, bool> &reportedVision)
{
    m_models.clear();
    for (const QString &id : ids) {
        ModelInfo info;
        info.id = id;
        info.name = id;
        info.ownedBy = m_endpoint.name;
        info.provider = m_endpoint.name;
        if (const auto admin = m_endpoint.vision.constFind(id); admin != m_endpoint.vision.cend())
            info.vision = *admin;
        else if (const auto said = reportedVision.constFind(id); said != reportedVision.cend())
            info.vision = *said;
        else
            info.vision = visionByModelName(id);
        m_models << info;
    }
}

void OpenAiProvider::refreshModels()
{
    if (m_endpoint.modelsManual)
        return;
    listModels(m_network, m_endpoint.baseUrl, m_endpoint.apiKey, m_timeouts.connectMs, this,
               [this](const ModelListResult &result) {
                   if (!result.ok) {
                       emit modelsUnavailable(result.error);
                       return;
                   }
                   describe(result.models, result.vision);
                   emit modelsChanged();
               });
}

ChatStream *OpenAiProvider::startChat(const ChatRequest &request, QObject *parent)
{
    auto *stream =
        new OpenAiChatStream(request, m_endpoint.name, m_endpoint.apiKey, m_timeouts, parent);
    stream->start(m_client, endpointUrl(QStringLiteral("/chat/completions")));
    return stream;
}

} // namespace hearth
