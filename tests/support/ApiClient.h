#pragma once

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

// What a test saw of one HTTP exchange.
struct ApiReply
{
    int status = 0;
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QString code() const { return json().value(QLatin1String("code")).toString(); }
};

// A real HTTP client (QNetworkAccessManager) against a server's base URL.
// request() waits for the answer by spinning the event loop, so a server in
// the same thread keeps serving.
class QSslCertificate;

class ApiClient
{
public:
    explicit ApiClient(QString baseUrl)
        : m_base(std::move(baseUrl))
    {}

    QString token; // sent as Bearer when set
    // Trusts an HTTPS server whose certificate has this SHA-256 ("AB:CD:…"),
    // as a client that pinned it would; other certificate errors fail.
    QString pinnedSha256;
    // A certificate's SHA-256 in that form (as /health reports it).
    static QString fingerprintOf(const QSslCertificate &certificate);

    ApiReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                     const QList<QPair<QByteArray, QByteArray>> &headers = {});
    ApiReply get(const QString &path) { return request("GET", path); }
    ApiReply post(const QString &path, const QJsonObject &body)
    {
        return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                       {{"Content-Type", "application/json"}});
    }
    ApiReply patch(const QString &path, const QJsonObject &body)
    {
        return request("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                       {{"Content-Type", "application/json"}});
    }
    ApiReply del(const QString &path) { return request("DELETE", path); }

    // Starts a request and returns the live reply (for streams); owned by the client.
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers);

    // A new conversation's id; `extra` adds fields (a system prompt, a model).
    QString createConversation(const QString &title = QStringLiteral("chat"),
                               const QJsonObject &extra = {});
    // A user message as the chat API takes it (`model` left out when empty),
    // and where it goes.
    static QJsonObject userMessage(const QString &content, const QString &model = {},
                                   bool stream = false);
    static QString messagesPath(const QString &conversation);
    // A user message to `model` in `conversation`, answered whole…
    ApiReply sendMessage(const QString &conversation, const QString &content, const QString &model);
    // …or streamed: the live reply.
    QNetworkReply *startMessageStream(const QString &conversation, const QString &content,
                                      const QString &model);

    // Signs in and keeps the access token; returns the login response.
    QJsonObject login(const QString &email, const QString &password);

    QString baseUrl() const { return m_base; }

private:
    QNetworkAccessManager m_network;
    QString m_base;
};

// Parses "event: x\ndata: y\n\n" blocks out of an SSE body.
struct SseBlock
{
    QString event;
    QJsonObject data;
};
QList<SseBlock> parseSseBlocks(const QByteArray &body);
