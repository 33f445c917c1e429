#include "security/Crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace hearth::crypto {

namespace {
// Looked up once: EVP_sha256() on its own is fetched anew by each digest
// and each MAC (a third of hashing an API key, done for every call).
const EVP_MD *sha256Method()
{
    static EVP_MD *const fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
}
} // namespace

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        qFatal("OpenSSL could not produce random bytes");
    return bytes;
}

QByteArray randomToken(int byteCount)
{
    return randomBytes(byteCount).toBase64(QByteArray::Base64UrlEncoding |
                                           QByteArray::OmitTrailingEquals);
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_Digest(data.constData(), size_t(data.size()),
               reinterpret_cast<unsigned char *>(digest.data()), &length, sha256Method(), nullptr);
    return digest;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return sha256(data).toHex();
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    QByteArray mac(32, Qt::Uninitialized);
    unsigned int length = 0;
    HMAC(sha256Method(), key.constData(), int(key.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
         reinterpret_cast<unsigned char *>(mac.data()), &length);
    return mac;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace hearth::crypto
