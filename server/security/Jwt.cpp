#include "security/Jwt.h"

#include "security/Crypto.h"

#include <QtCore/QJsonDocument>

namespace hearth {

namespace {
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

std::optional<QJsonObject> decodeSegment(const QByteArray &segment)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        segment, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}
} // namespace

Jwt::Jwt(QByteArray secret)
    : m_secret(std::move(secret))
{}

QByteArray Jwt::sign(const QJsonObject &claims) const
{
    static const QByteArray header =
        QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})").toBase64(base64url);
    const QByteArray payload =
        QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(base64url);
    const QByteArray signingInput = header + '.' + payload;
    return signingInput + '.' + crypto::hmacSha256(m_secret, signingInput).toBase64(base64url);
}

Jwt::Verified Jwt::verify(const QByteArray &token, qint64 nowSeconds) const
{
    Verified result;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
        result.failure = Failure::Malformed;
        return result;
    }
    const auto header = decodeSegment(parts[0]);
    if (!header) {
        result.failure = Failure::Malformed;
        return result;
    }
    if (header->value(QLatin1String("alg")).toString() != QLatin1String("HS256")) {
        result.failure = Failure::BadAlgorithm;
        return result;
    }
    // Compared as text, so a signature has exactly one spelling: decoding
    // first would accept other values of the last character's spare bits.
    const QByteArray expected =
        crypto::hmacSha256(m_secret, parts[0] + '.' + parts[1]).toBase64(base64url);
    if (!crypto::constantTimeEquals(parts[2], expected)) {
        result.failure = Failure::BadSignature;
        return result;
    }
    const auto claims = decodeSegment(parts[1]);
    if (!claims || !claims->value(QLatin1String("exp")).isDouble()) {
        result.failure = Failure::Malformed;
        return result;
    }
    if (qint64(claims->value(QLatin1String("exp")).toDouble()) <= nowSeconds) {
        result.failure = Failure::Expired;
        return result;
    }
    result.claims = *claims;
    return result;
}

} // namespace hearth
