#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>

namespace hearth {

// Seals small secrets (provider API keys) with AES-256-GCM under a key that
// lives in its own file (mode 0600) beside the database, never in it: a
// copy of the database alone reveals no key.
class SecretBox
{
public:
    explicit SecretBox(QByteArray key); // 32 bytes

    // Reads the key file, creating it with a fresh random key on first use.
    static std::optional<SecretBox> fromKeyFile(const QString &path, QString *error);
    // A key given as base64 (standard or URL alphabet), e.g. from the
    // environment so that several instances share it.
    static std::optional<SecretBox> fromBase64(const QByteArray &text, QString *error);

    // "v1:" + base64(nonce | ciphertext | tag); a fresh nonce every time.
    QString seal(const QString &plaintext) const;
    // nullopt when the text was not sealed with this key or was altered.
    std::optional<QString> open(const QString &sealed) const;

private:
    QByteArray m_key;
};

} // namespace hearth
