#pragma once

#include "llm/HttpResponseReader.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtCore/QUrl>

class QTcpSocket;

namespace hearth {

class UpstreamClient;

struct UpstreamRequest
{
    QByteArray method = "POST";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// One request to an upstream and its response, read as it arrives. Emits
// requestSent, then headReceived, bodyReceived for each piece of the body
// and finished — or failed at any point. Never follows redirects. Made by
// UpstreamClient::exchange: connect to its signals, then start(). A request
// on a pooled connection is written inside start(), so requestSent may come
// from there; failures always come from the event loop (a pooled connection
// found dead is replaced by a new one first).
class UpstreamExchange final : public QObject
{
    Q_OBJECT
public:
    ~UpstreamExchange() override;

    int status() const { return m_reader.status(); }
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return m_reader.header(lowerCaseName);
    }
    void start();
    // Stops at once; no more signals. The connection is not reused.
    void abort();

signals:
    void requestSent();
    void headReceived();
    void bodyReceived(const QByteArray &bytes);
    void finished();
    void failed(const QString &error);

private:
    friend class UpstreamClient;
    UpstreamExchange(UpstreamClient *client, UpstreamRequest request, QObject *parent);

    void connectSocket(QTcpSocket *socket, bool reused);
    void sendRequest();
    void onReadyRead();
    void onClosed();
    void fail(const QString &error);
    void release(bool reusable);

    QPointer<UpstreamClient> m_client;
    UpstreamRequest m_request;
    QString m_key; // scheme://host:port of the connection pool
    QPointer<QTcpSocket> m_socket;
    HttpResponseReader m_reader;
    qint64 m_unsent = 0;
    bool m_reused = false;
    bool m_retried = false;
    bool m_ended = false;
};

// HTTP/1.1 to the model providers: keep-alive connections pooled per host
// (no cap on how many run at once — QNetworkAccessManager 6.4 allows six per
// host, which queued the seventh chat behind the first six), TLS through
// QSslSocket with the system's CAs, Nagle off. One per server thread.
class UpstreamClient final : public QObject
{
    Q_OBJECT
public:
    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    // Not started yet: see UpstreamExchange.
    UpstreamExchange *exchange(UpstreamRequest request, QObject *parent);
    int idleConnections() const;

private:
    friend class UpstreamExchange;
    QTcpSocket *takeIdle(const QString &key);
    void giveBack(const QString &key, QTcpSocket *socket);
    void sweep();

    QHash<QString, QList<QTcpSocket *>> m_idle;
    QTimer m_sweep;
};

} // namespace hearth
