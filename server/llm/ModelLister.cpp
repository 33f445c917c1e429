#include "llm/ModelLister.h"

#include "llm/ModelVision.h"
#include "llm/Redaction.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

namespace hearth {

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
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, timer, apiKey, done] {
        reply->deleteLater();
        ModelListResult result;
        result.latencyMs = timer->elapsed();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 300 && status < 400) {
            result.error = QStringLiteral(
                "The provider answered with a redirect, which Hearth does not follow");
        } else if (reply->error() != QNetworkReply::NoError || status != 200) {
            result.error = redactSecrets(
                status ? QStringLiteral("The provider answered %1: %2")
                             .arg(status)
                             .arg(QString::fromUtf8(reply->readAll().left(300)).simplified())
                       : reply->errorString(),
                {apiKey});
        } else {
            const QJsonArray data = QJsonDocument::fromJson(reply->readAll())
                                        .object()
                                        .value(QLatin1String("data"))
                                        .toArray();
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
