#pragma once

#include "core/Config.h"

#include <QtCore/QJsonObject>
#include <QtCore/QObject>

#include <memory>

namespace hearth {

class HearthServerPrivate;

// The whole Hearth server: database, providers, HTTP front and API. Lives on
// one thread (the one that calls start()); embed it in the desktop app's
// server thread or run it in hearth-server's main thread.
class HearthServer final : public QObject
{
    Q_OBJECT
public:
    explicit HearthServer(ServerConfig config, QObject *parent = nullptr);
    ~HearthServer() override;

    // Opens the database, migrates, bootstraps and starts listening.
    bool start(QString *error);
    // Moves to another address and port while running (LAN sharing on the
    // desktop), with plain HTTP, HTTPS with this machine's self-signed
    // certificate, or as it was. On failure the server keeps listening where
    // and as it was.
    enum class Tls { Keep, Plain, SelfSigned };
    bool listenOn(const QString &host, quint16 port, QString *error, Tls tls = Tls::Keep);
    quint16 port() const;
    QString baseUrl() const;
    // "AB:CD:…" of the certificate in use; empty over plain HTTP.
    QString tlsFingerprint() const;
    // Signs in the desktop owner without a password: the oldest enabled
    // admin, created ("owner@hearth.local", without a password) on a fresh data
    // folder. Returns what POST /v1/auth/login would; empty and *error set
    // on failure. Only the desktop app, in-process, calls this.
    QJsonObject ownerSession(QString *error);

    // "METHOD /path/:param" for every route, for documentation checks.
    QStringList routes() const;

    // Stops accepting connections and lets the replies being relayed finish
    // for up to graceMs; then those still running end, storing what they
    // have as cancelled. stopped() follows; destroy the server then.
    void shutdown(int graceMs);

signals:
    void stopped();

private:
    bool prepareTls(QString *error);
    bool listenAt(const QString &host, quint16 port, QString *error);
    // From the next listen on, unless HEARTH_TLS=off or a certificate was given.
    bool useSelfSignedTls(QString *error);

    std::unique_ptr<HearthServerPrivate> d;
};

} // namespace hearth
