#include "client/ApiConnection.h"

#include "client/FileDownload.h"
#include "client/MessageStream.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QLocale>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>

namespace hearth::client {

ApiConnection::ApiConnection(QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
{
    connect(&m_network, &QNetworkAccessManager::sslErrors, this, [this](QNetworkReply *reply) {
        const QString seen = QString::fromLatin1(reply->sslConfiguration()
                                                     .peerCertificate()
                                                     .digest(QCryptographicHash::Sha256)
                                                     .toHex(':')
                                                     .toUpper());
        if (!m_pinned.isEmpty() && seen == m_pinned)
            reply->ignoreSslErrors();
        else
            m_refused = seen;
    });
}

void ApiConnection::setSession(const QJsonObject &tokens)
{
    m_accessToken = tokens.value(QLatin1String("accessToken")).toString();
    const QString refresh = tokens.value(QLatin1String("refreshToken")).toString();
    if (!refresh.isEmpty() && refresh != m_refreshToken) {
        m_refreshToken = refresh;
        emit refreshTokenChanged(m_refreshToken);
    }
    if (tokens.contains(QLatin1String("user")))
        m_user = tokens.value(QLatin1String("user")).toObject();
}

bool ApiConnection::isAdmin() const
{
    return m_user.value(QLatin1String("role")).toString() == QLatin1String("admin");
}

QNetworkRequest ApiConnection::request(const QString &path) const
{
    QUrl url = m_baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(url.path() + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // The server words its errors in the language the app is shown in
    // (installLanguage makes it the default locale).
    request.setRawHeader("Accept-Language", QLocale().bcp47Name().toLatin1());
    if (!m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    return request;
}

ApiCall *ApiConnection::send(const QByteArray &method, const QString &path, const QByteArray &body)
{
    auto *call = new ApiCall(this);
    attempt(
        call, [=, this] { return m_network.sendCustomRequest(request(path), method, body); },
        !path.startsWith(QLatin1String("/v1/auth/")));
    return call;
}

ApiCall *ApiConnection::upload(const QString &fileName, std::shared_ptr<QIODevice> content)
{
    auto *call = new ApiCall(this);
    const QString path = QStringLiteral("/v1/attachments?name=") +
                         QString::fromLatin1(QUrl::toPercentEncoding(
                             fileName.isEmpty() ? QStringLiteral("file") : fileName));
    attempt(
        call,
        [=, this] {
            QNetworkRequest req = request(path);
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/octet-stream"));
            content->seek(0);
            QNetworkReply *reply = m_network.post(req, content.get());
            connect(reply, &QNetworkReply::uploadProgress, call, &ApiCall::progress);
            return reply;
        },
        true);
    return call;
}

void ApiConnection::attempt(ApiCall *call, const Starter &start, bool mayRefresh)
{
    QNetworkReply *reply = start();
    connect(reply, &QNetworkReply::finished, call, [=, this] {
        reply->deleteLater();
        ApiResult result = ApiCall::resultOf(reply);
        if (reply->error() == QNetworkReply::SslHandshakeFailedError && !m_refused.isEmpty()) {
            result.untrustedCertificate = m_refused;
            result.error = tr("This server uses a certificate that no authority vouches for "
                              "(SHA-256 %1).")
                               .arg(m_refused);
        }
        if (result.status != 401 || !mayRefresh || m_refreshToken.isEmpty()) {
            call->finish(result);
            return;
        }
        // The access token expired: refresh it once, then try again.
        QNetworkReply *refresh = m_network.post(
            request(QStringLiteral("/v1/auth/refresh")),
            QJsonDocument(QJsonObject{{QStringLiteral("refreshToken"), m_refreshToken}}).toJson());
        connect(refresh, &QNetworkReply::finished, call, [=, this] {
            refresh->deleteLater();
            const ApiResult refreshed = ApiCall::resultOf(refresh);
            if (!refreshed.ok()) {
                emit sessionEnded(refreshed.error);
                call->finish(result);
                return;
            }
            setSession(refreshed.json.object());
            attempt(call, start, false);
        });
    });
}

ApiCall *ApiConnection::login(const QString &email, const QString &password)
{
    auto *call = send("POST", QStringLiteral("/v1/auth/login"),
                      QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                                {QStringLiteral("password"), password}})
                          .toJson(QJsonDocument::Compact));
    connect(call, &ApiCall::finished, this, [this](const ApiResult &result) {
        if (result.ok())
            setSession(result.json.object());
    });
    return call;
}

ApiCall *ApiConnection::resume(const QString &refreshToken)
{
    auto *call = new ApiCall(this);
    ApiCall *refresh =
        send("POST", QStringLiteral("/v1/auth/refresh"),
             QJsonDocument(QJsonObject{{QStringLiteral("refreshToken"), refreshToken}})
                 .toJson(QJsonDocument::Compact));
    connect(refresh, &ApiCall::finished, call, [this, call](const ApiResult &refreshed) {
        if (!refreshed.ok()) {
            call->finish(refreshed);
            return;
        }
        setSession(refreshed.json.object());
        connect(get(QStringLiteral("/v1/me")), &ApiCall::finished, call,
                [this, call](const ApiResult &me) {
                    if (me.ok())
                        m_user = me.json.object();
                    call->finish(me);
                });
    });
    return call;
}

ApiCall *ApiConnection::logout()
{
    return send("POST", QStringLiteral("/v1/auth/logout"),
                QJsonDocument(QJsonObject{{QStringLiteral("refreshToken"), m_refreshToken}})
                    .toJson(QJsonDocument::Compact));
}

ApiCall *ApiConnection::get(const QString &path)
{
    return send("GET", path, {});
}

ApiCall *ApiConnection::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiCall *ApiConnection::patch(const QString &path, const QJsonObject &body)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiCall *ApiConnection::remove(const QString &path)
{
    return send("DELETE", path, {});
}

FileDownload *ApiConnection::download(const QString &path, const QString &fileName)
{
    QNetworkRequest req = request(path);
    req.setRawHeader("Accept", "text/csv");
    return new FileDownload(m_network.get(req), fileName, this);
}

MessageStream *ApiConnection::sendMessage(const QString &conversationId, const QJsonObject &body)
{
    QJsonObject streaming = body;
    streaming.insert(QStringLiteral("stream"), true);
    QNetworkRequest req = request(QStringLiteral("/v1/conversations/") + conversationId +
                                  QStringLiteral("/messages"));
    req.setRawHeader("Accept", "text/event-stream");
    return new MessageStream(
        m_network.post(req, QJsonDocument(streaming).toJson(QJsonDocument::Compact)), this);
}

} // namespace hearth::client
