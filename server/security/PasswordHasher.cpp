#include "security/PasswordHasher.h"

#include "security/Crypto.h"

#include <argon2.h>

namespace hearth {

QByteArray PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray salt = crypto::randomBytes(16);
    constexpr size_t hashLength = 32;
    const size_t encodedLength =
        argon2_encodedlen(m_cost.iterations, m_cost.memoryKiB, m_cost.lanes, uint32_t(salt.size()),
                          hashLength, Argon2_id);
    QByteArray encoded(qsizetype(encodedLength), '\0');
    const int rc = argon2id_hash_encoded(
        m_cost.iterations, m_cost.memoryKiB, m_cost.lanes, utf8.constData(), size_t(utf8.size()),
        salt.constData(), size_t(salt.size()), hashLength, encoded.data(), encodedLength);
    if (rc != ARGON2_OK)
        qFatal("argon2id hashing failed: %s", argon2_error_message(rc));
    encoded.truncate(qsizetype(qstrlen(encoded.constData())));
    return encoded;
}

bool PasswordHasher::verify(const QByteArray &encoded, const QString &password) const
{
    if (!encoded.startsWith("$argon2id$"))
        return false;
    const QByteArray utf8 = password.toUtf8();
    return argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

bool PasswordHasher::needsRehash(const QByteArray &encoded) const
{
    const QByteArray expected = QByteArrayLiteral("$argon2id$v=19$m=") +
                                QByteArray::number(m_cost.memoryKiB) +
                                ",t=" + QByteArray::number(m_cost.iterations) +
                                ",p=" + QByteArray::number(m_cost.lanes) + '$';
    return !encoded.startsWith(expected);
}

} // namespace hearth
