#pragma once

#include "client/ApiCall.h"

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>

#include <functional>
#include <memory>

class QIODevice;

namespace hearth::client {

class FileDownload;
class MessageStream;

// A signed-in connection to a Hearth server (the embedded one or a remote
// one alike). Keeps the tokens, refreshes the access token once when a
// request is refused with 401, and hands out calls.
class ApiConnection final : public QObject
{
    Q_OBJECT
public:
    explicit ApiConnection(QUrl baseUrl, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    // The same server moved (the desktop's server shared on another port).
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    // Trusts an HTTPS server whose certificate has this SHA-256 ("AB:CD:…"),
    // e.g. this computer's own self-signed one while it is shared.
    void setPinnedCertificate(const QString &sha256) { m_pinned = sha256; }
    QString pinnedCertificate() const { return m_pinned; }
    // From a login (or the desktop owner's session): accessToken, refreshToken, user.
    void setSession(const QJsonObject &tokens);
    QJsonObject user() const { return m_user; }
    bool isAdmin() const;

    ApiCall *login(const QString &email, const QString &password);
    // Signs in again with a refresh token kept from an earlier session
    // (rotating it), then fetches the user.
    ApiCall *resume(const QString &refreshToken);
    // Revokes this login's refresh token on the server.
    ApiCall *logout();
    QString refreshToken() const { return m_refreshToken; }
    ApiCall *get(const QString &path);
    ApiCall *post(const QString &path, const QJsonObject &body);
    ApiCall *patch(const QString &path, const QJsonObject &body);
    ApiCall *remove(const QString &path);
    // POST /v1/attachments: `content` (read from its start, kept open until
    // the call finishes) as the body, with progress().
    ApiCall *upload(const QString &fileName, std::shared_ptr<QIODevice> content);
    // GET path with Accept: text/csv, written to `fileName` as it arrives.
    FileDownload *download(const QString &path, const QString &fileName);
    // POST …/messages with stream: true.
    MessageStream *sendMessage(const QString &conversationId, const QJsonObject &body);

signals:
    void sessionEnded(const QString &why);
    // The server rotated the refresh token (a login, a silent refresh): keep the new one.
    void refreshTokenChanged(const QString &refreshToken);

private:
    QString m_pinned;
    QString m_refused; // the last certificate refused (not pinned, no authority)
    ApiCall *send(const QByteArray &method, const QString &path, const QByteArray &body);
    // Starts the request (again, after a refresh) and gives its reply.
    using Starter = std::function<QNetworkReply *()>;
    void attempt(ApiCall *call, const Starter &start, bool mayRefresh);
    QNetworkRequest request(const QString &path) const;

    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
    QString m_accessToken;
    QString m_refreshToken;
    QJsonObject m_user;
};

} // namespace hearth::client
