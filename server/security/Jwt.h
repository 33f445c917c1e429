#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace hearth {

// JSON Web Tokens, HS256 only. Any other "alg" (including "none") is refused,
// so a token can never choose how it is checked.
class Jwt
{
public:
    explicit Jwt(QByteArray secret);

    QByteArray sign(const QJsonObject &claims) const;

    enum class Failure { None, Malformed, BadAlgorithm, BadSignature, Expired };
    struct Verified
    {
        Failure failure = Failure::None;
        QJsonObject claims;
        bool ok() const { return failure == Failure::None; }
    };
    // nowSeconds: the current Unix time; tokens without a numeric exp are malformed.
    Verified verify(const QByteArray &token, qint64 nowSeconds) const;

private:
    QByteArray m_secret;
};

} // namespace hearth
