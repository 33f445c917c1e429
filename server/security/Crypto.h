#pragma once

#include <QtCore/QByteArray>

namespace hearth::crypto {

// Cryptographically secure random bytes (OpenSSL RAND_bytes).
QByteArray randomBytes(int count);
// Random bytes as unpadded base64url, for tokens that travel in URLs and headers.
QByteArray randomToken(int byteCount);
QByteArray sha256(const QByteArray &data);
QByteArray sha256Hex(const QByteArray &data);
QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
// Compares in time independent of where the inputs differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace hearth::crypto
