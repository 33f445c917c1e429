#include "client/ApiCall.h"

#include "client/ServerMessages.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkReply>

namespace hearth::client {

void ApiCall::finish(const ApiResult &result)
{
    emit finished(result);
    deleteLater();
}

ApiResult ApiCall::resultOf(QNetworkReply *reply)
{
    ApiResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body);
    result.retryAfter = reply->rawHeader("Retry-After").toInt();
    const QByteArray link = reply->rawHeader("Link");
    if (link.startsWith('<') && link.contains("rel=\"next\""))
        result.nextPage = QString::fromUtf8(link.mid(1, link.indexOf('>') - 1));
    if (result.status >= 200 && result.status < 300)
        return result;
    const QJsonObject body = result.json.object();
    result.code = body.value(QLatin1String("code")).toString();
    result.error = localizedServerMessage(body.value(QLatin1String("error")).toString());
    // A refused form says which fields were wrong.
    const QJsonArray details =
        body.value(QLatin1String("details")).toObject().value(QLatin1String("errors")).toArray();
    QStringList reasons;
    for (const QJsonValue &reason : details)
        reasons << localizedServerMessage(reason.toString());
    if (!reasons.isEmpty())
        result.error =
            QCoreApplication::translate("hearth::client::ApiCall", "%1: %2")
                .arg(result.error,
                     reasons.join(QCoreApplication::translate("hearth::client::ApiCall", "; ")));
    if (result.error.isEmpty())
        result.error = result.status == 0
                           ? QCoreApplication::translate("hearth::client::ApiCall",
                                                         "Cannot reach the server: %1")
                                 .arg(reply->errorString())
                           : QCoreApplication::translate("hearth::client::ApiCall",
                                                         "The server answered with an error (%1)")
                                 .arg(result.status);
    return result;
}

} // namespace hearth::client
