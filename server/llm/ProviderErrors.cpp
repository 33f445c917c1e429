#include "llm/ProviderErrors.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace hearth {

QString providerErrorDetail(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject())
        return error.toObject().value(QLatin1String("message")).toString();
    if (error.isString())
        return error.toString();
    if (object.value(QLatin1String("message")).isString())
        return object.value(QLatin1String("message")).toString();
    return QString::fromUtf8(body.left(300)).simplified();
}

QString describeProviderRefusal(int status, const QString &detail)
{
    QString what;
    if (status == 401 || status == 403)
        what = QStringLiteral("The provider did not accept the API key (%1)");
    else if (status == 404)
        what = QStringLiteral("There is no OpenAI-compatible API at this address (%1); "
                              "such addresses usually end in /v1");
    else if (status == 402)
        what = QStringLiteral("The provider says the account has no credit left (%1)");
    else if (status == 429)
        what = QStringLiteral("The provider is turning requests away for now (%1)");
    else if (status >= 500)
        what = QStringLiteral("The provider has a problem of its own (%1); try again later");
    else
        what = QStringLiteral("The provider answered %1");
    what = what.arg(status);
    return detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
}

} // namespace hearth
