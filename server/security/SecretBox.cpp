#include "security/SecretBox.h"

#include "security/Crypto.h"
#include "security/SecretFile.h"

#include <openssl/evp.h>

#include <memory>

namespace hearth {

namespace {
constexpr int nonceSize = 12;
constexpr int tagSize = 16;
const QByteArray prefix = "v1:";

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
} // namespace

SecretBox::SecretBox(QByteArray key)
    : m_key(std::move(key))
{
    Q_ASSERT(m_key.size() == 32);
}

namespace {
std::optional<QByteArray> decodeKey(const QByteArray &text)
{
    for (const auto alphabet : {QByteArray::Base64UrlEncoding, QByteArray::Base64Encoding}) {
        const auto key = QByteArray::fromBase64Encoding(
            text.trimmed(), alphabet | QByteArray::AbortOnBase64DecodingErrors);
        if (key && key.decoded.size() == 32)
            return key.decoded;
    }
    return std::nullopt;
}
} // namespace

std::optional<SecretBox> SecretBox::fromKeyFile(const QString &path, QString *error)
{
    const QByteArray text = loadOrCreateSecret(path, 32, error);
    if (text.isEmpty())
        return std::nullopt;
    const auto key = decodeKey(text);
    if (!key) {
        *error = QStringLiteral("%1 does not hold a 256-bit key").arg(path);
        return std::nullopt;
    }
    return SecretBox(*key);
}

std::optional<SecretBox> SecretBox::fromBase64(const QByteArray &text, QString *error)
{
    const auto key = decodeKey(text);
    if (!key) {
        *error = QStringLiteral("HEARTH_SECRET_KEY must be 32 bytes in base64 (openssl rand "
                                "-base64 32)");
        return std::nullopt;
    }
    return SecretBox(*key);
}

QString SecretBox::seal(const QString &plaintext) const
{
    const QByteArray input = plaintext.toUtf8();
    const QByteArray nonce = crypto::randomBytes(nonceSize);
    QByteArray output(input.size(), Qt::Uninitialized);
    QByteArray tag(tagSize, Qt::Uninitialized);
    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int length = 0;
    int total = 0;
    const bool ok =
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                           reinterpret_cast<const unsigned char *>(m_key.constData()),
                           reinterpret_cast<const unsigned char *>(nonce.constData())) &&
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(output.data()), &length,
                          reinterpret_cast<const unsigned char *>(input.constData()),
                          int(input.size())) &&
        ((total = length), true) &&
        EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(output.data()) + total,
                            &length) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagSize, tag.data());
    if (!ok)
        qFatal("AES-256-GCM encryption failed");
    return QString::fromLatin1(prefix + (nonce + output + tag).toBase64());
}

std::optional<QString> SecretBox::open(const QString &sealed) const
{
    const QByteArray text = sealed.toLatin1();
    if (!text.startsWith(prefix))
        return std::nullopt;
    const auto raw = QByteArray::fromBase64Encoding(text.mid(prefix.size()),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!raw || raw.decoded.size() < nonceSize + tagSize)
        return std::nullopt;
    const QByteArray &bytes = raw.decoded;
    const QByteArray nonce = bytes.left(nonceSize);
    const QByteArray tag = bytes.right(tagSize);
    const QByteArray cipher = bytes.mid(nonceSize, bytes.size() - nonceSize - tagSize);
    QByteArray output(cipher.size(), Qt::Uninitialized);
    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int length = 0;
    const bool ok =
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                           reinterpret_cast<const unsigned char *>(m_key.constData()),
                           reinterpret_cast<const unsigned char *>(nonce.constData())) &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(output.data()), &length,
                          reinterpret_cast<const unsigned char *>(cipher.constData()),
                          int(cipher.size())) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagSize,
                            const_cast<char *>(tag.constData())) &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(output.data()) + length,
                            &length) > 0;
    if (!ok)
        return std::nullopt;
    return QString::fromUtf8(output);
}

} // namespace hearth
