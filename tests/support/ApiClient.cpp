#include "ApiClient.h"

#include "http/ServerTls.h"

#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

QByteArray ApiReply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QNetworkReply *ApiClient::start(const QByteArray &method, const QString &path,
                                const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = method == "HEAD"
                               ? m_network.head(request) // a custom one waits for a body
                               : m_network.sendCustomRequest(request, method, body);
    if (!pinnedSha256.isEmpty()) {
        const QString pinned = pinnedSha256;
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, pinned] {
            if (fingerprintOf(reply->sslConfiguration().peerCertificate()) == pinned)
                reply->ignoreSslErrors();
        });
    }
    return reply;
}

ApiReply ApiClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkReply *reply = start(method, path, body, headers);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(30000))
        qWarning("request %s %s did not finish", method.constData(), qPrintable(path));
    ApiReply result;
    result.finished = reply->isFinished();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

QString ApiClient::fingerprintOf(const QSslCertificate &certificate)
{
    return hearth::certificateFingerprint(certificate);
}

QString ApiClient::createConversation(const QString &title, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("title"), title);
    return post(QStringLiteral("/v1/conversations"), body)
        .json()
        .value(QLatin1String("id"))
        .toString();
}

QJsonObject ApiClient::userMessage(const QString &content, const QString &model, bool stream)
{
    QJsonObject body{{QStringLiteral("role"), QStringLiteral("user")},
                     {QStringLiteral("content"), content},
                     {QStringLiteral("stream"), stream}};
    if (!model.isEmpty())
        body.insert(QStringLiteral("model"), model);
    return body;
}

QString ApiClient::messagesPath(const QString &conversation)
{
    return QStringLiteral("/v1/conversations/%1/messages").arg(conversation);
}

ApiReply ApiClient::sendMessage(const QString &conversation, const QString &content,
                                const QString &model)
{
    return post(messagesPath(conversation), userMessage(content, model, false));
}

QNetworkReply *ApiClient::startMessageStream(const QString &conversation, const QString &content,
                                             const QString &model)
{
    return start("POST", messagesPath(conversation),
                 QJsonDocument(userMessage(content, model, true)).toJson(),
                 {{"Content-Type", "application/json"}});
}

QJsonObject ApiClient::login(const QString &email, const QString &password)
{
    const ApiReply reply =
        post(QStringLiteral("/v1/auth/login"),
             {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    const QJsonObject json = reply.json();
    token = json.value(QLatin1String("accessToken")).toString();
    return json;
}

QList<SseBlock> parseSseBlocks(const QByteArray &body)
{
    QList<SseBlock> blocks;
    QList<QByteArray> raws;
    qsizetype start = 0;
    for (qsizetype end; (end = body.indexOf("\n\n", start)) >= 0; start = end + 2)
        raws << body.mid(start, end - start);
    for (const QByteArray &raw : std::as_const(raws)) {
        SseBlock block;
        for (const QByteArray &line : raw.split('\n')) {
            if (line.startsWith("event: "))
                block.event = QString::fromUtf8(line.mid(7));
            else if (line.startsWith("data: "))
                block.data = QJsonDocument::fromJson(line.mid(6)).object();
        }
        if (!block.event.isEmpty())
            blocks << block;
    }
    return blocks;
}
