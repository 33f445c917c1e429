#include "llm/ModelLister.h"

#include "llm/ModelVision.h"
#include "llm/ProviderErrors.h"
#include "llm/Redaction.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

namespace hearth {

namespace {

// Why nothing usable came back, in words that say what to check.
QString describeNetworkFailure(const QNetworkReply &reply, int timeoutMs)
{
    const QString host = reply.url().host();
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("Nothing answers at %1 (the connection was refused): is the "
                              "server running, and is the port right?")
            .arg(reply.url().authority());
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("The address %1 could not be found: check its spelling and this "
                              "computer's internet connection")
            .arg(host);
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return QStringLiteral("%1 did not answer within %2 seconds")
            .arg(host)
            .arg(timeoutMs / 1000);
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("A secure connection to %1 could not be made: %2")
            .arg(host, reply.errorString());
    default:
        return QStringLiteral("%1 could not be reached: %2").arg(host, reply.errorString());
    }
}

} // namespace

void listModels(QNetworkAccessManager *network, const QUrl &baseUrl, const QString &apiKey,
                int timeoutMs, QObject *context, std::function<void(const ModelListResult &)> done)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/models"));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(timeoutMs);
    if (!apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = network->get(request);
    QObject::connect(
        reply, &QNetworkReply::finished, context, [reply, timer, apiKey, timeoutMs, done] {
            reply->deleteLater();
            ModelListResult result;
            result.latencyMs = timer->elapsed();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 300 && status < 400) {
                result.error = QStringLiteral(
                    "The provider answered with a redirect, which Hearth does not follow");
            } else if (status && status != 200) {
                result.error = redactSecrets(
                    describeProviderRefusal(status, providerErrorDetail(reply->readAll())),
                    {apiKey});
            } else if (reply->error() != QNetworkReply::NoError) {
                result.error = redactSecrets(describeNetworkFailure(*reply, timeoutMs), {apiKey});
            } else {
                const QJsonValue list =
                    QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("data"));
                if (!list.isArray()) {
                    result.error = QStringLiteral("The address answered, but not with a list of "
                                                  "models: is it an OpenAI-compatible API?");
                    done(result);
                    return;
                }
                const QJsonArray data = list.toArray();
                for (const QJsonValue &model : data) {
                    const QJsonObject entry = model.toObject();
                    const QString id = entry.value(QLatin1String("id")).toString();
                    if (id.isEmpty())
                        continue;
                    result.models << id;
                    if (const auto vision = visionFromModelEntry(entry))
                        result.vision.insert(id, *vision);
                }
                result.ok = true;
            }
            done(result);
        });
}

} // namespace hearth
