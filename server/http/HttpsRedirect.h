#pragma once

#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>

namespace hearth {

// A plain-HTTP port that answers every request with a permanent redirect to
// the same path on the HTTPS port (HEARTH_TLS_REDIRECT_PORT), so that a
// browser pointed at http:// ends up on the encrypted server. Reads no more
// than a request head (8 KiB) and closes each connection after answering.
class HttpsRedirect final : public QTcpServer
{
    Q_OBJECT
public:
    HttpsRedirect(quint16 httpsPort, QObject *parent = nullptr);

    // The Location for a request line and Host header (tests).
    static QByteArray location(const QByteArray &head, quint16 httpsPort);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    quint16 m_httpsPort;
};

} // namespace hearth
