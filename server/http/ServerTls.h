#pragma once

#include <QtCore/QStringList>
#include <QtNetwork/QSslConfiguration>

#include <optional>

namespace hearth {

// A server's TLS settings from a PEM certificate (with its chain) and key:
// TLS 1.2 or newer, no certificates asked of clients. Empty, with the reason
// in `error`, when either file holds nothing usable.
std::optional<QSslConfiguration> serverTlsFromFiles(const QString &certPath, const QString &keyPath,
                                                    QString *error);

// "AB:CD:…", the SHA-256 of a certificate, as people compare it.
QString certificateFingerprint(const QSslCertificate &certificate);

// This machine's addresses on its networks (not loopback, not link-local):
// the names a certificate for the LAN must carry.
QStringList lanAddresses();

} // namespace hearth
