#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace hearth {

// The certificate and key a LAN server uses when nobody gave it one: made
// once (EC P-256, SHA-256, valid ten years) for this machine's host name,
// "localhost" and the addresses in `addresses`, then kept in `folder`
// (cert.pem, and key.pem readable by its owner only) and reused.
struct SelfSignedCertificate
{
    QString certPath;
    QString keyPath;

    static std::optional<SelfSignedCertificate>
    ensure(const QString &folder, const QStringList &addresses, QString *error);
};

} // namespace hearth
