#include "security/Jwt.h"

#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using namespace hearth;

namespace {
const QByteArray secret = "0123456789abcdef0123456789abcdef";
constexpr auto url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray segment(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(url);
}
} // namespace

class TestJwt final : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        Jwt jwt(secret);
        const QByteArray token = jwt.sign(
            {{QStringLiteral("sub"), QStringLiteral("u1")}, {QStringLiteral("exp"), 2000}});
        QCOMPARE(token.count('.'), 2);
        const auto verified = jwt.verify(token, 1000);
        QVERIFY(verified.ok());
        QCOMPARE(verified.claims.value(QLatin1String("sub")).toString(), QStringLiteral("u1"));
    }

    void expiredTokenIsRefused()
    {
        Jwt jwt(secret);
        const QByteArray token = jwt.sign({{QStringLiteral("exp"), 1000}});
        QCOMPARE(jwt.verify(token, 1000).failure, Jwt::Failure::Expired);
        QCOMPARE(jwt.verify(token, 5000).failure, Jwt::Failure::Expired);
    }

    void missingExpIsMalformed()
    {
        Jwt jwt(secret);
        QCOMPARE(jwt.verify(jwt.sign({{QStringLiteral("sub"), QStringLiteral("x")}}), 1).failure,
                 Jwt::Failure::Malformed);
    }

    void otherSecretIsRefused()
    {
        const QByteArray token = Jwt(secret).sign({{QStringLiteral("exp"), 2000}});
        QCOMPARE(Jwt("another-secret-another-secret-xx").verify(token, 1000).failure,
                 Jwt::Failure::BadSignature);
    }

    void tamperedPayloadIsRefused()
    {
        Jwt jwt(secret);
        QList<QByteArray> parts = jwt.sign({{QStringLiteral("role"), QStringLiteral("user")},
                                            {QStringLiteral("exp"), 2000}})
                                      .split('.');
        parts[1] = segment(
            {{QStringLiteral("role"), QStringLiteral("admin")}, {QStringLiteral("exp"), 2000}});
        QCOMPARE(jwt.verify(parts.join('.'), 1000).failure, Jwt::Failure::BadSignature);
    }

    void signatureSpelledAnotherWayIsRefused()
    {
        // The last of a signature's 43 characters carries two spare bits; a
        // lenient decoder reads 4 spellings as the same MAC. Found by fuzz_jwt.
        Jwt jwt(secret);
        const QByteArray token = jwt.sign({{QStringLiteral("exp"), 2000}});
        QVERIFY(jwt.verify(token, 1000).ok());
        const QByteArray alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        QByteArray other = token;
        other.back() = alphabet.at(alphabet.indexOf(token.back()) + 1);
        QCOMPARE(jwt.verify(other, 1000).failure, Jwt::Failure::BadSignature);
        QCOMPARE(jwt.verify(token + "=", 1000).failure, Jwt::Failure::BadSignature);
    }

    void algNoneIsRefused()
    {
        Jwt jwt(secret);
        const QByteArray header = segment({{QStringLiteral("alg"), QStringLiteral("none")}});
        const QByteArray payload = segment({{QStringLiteral("exp"), 2000}});
        QCOMPARE(jwt.verify(header + '.' + payload + '.', 1000).failure,
                 Jwt::Failure::BadAlgorithm);
        QCOMPARE(jwt.verify(header + '.' + payload + ".x", 1000).failure,
                 Jwt::Failure::BadAlgorithm);
    }

    void otherAlgorithmsAreRefusedEvenWithValidMac()
    {
        Jwt jwt(secret);
        QList<QByteArray> parts = jwt.sign({{QStringLiteral("exp"), 2000}}).split('.');
        parts[0] = segment({{QStringLiteral("alg"), QStringLiteral("HS512")}});
        QCOMPARE(jwt.verify(parts.join('.'), 1000).failure, Jwt::Failure::BadAlgorithm);
    }

    void garbageIsMalformed()
    {
        Jwt jwt(secret);
        QCOMPARE(jwt.verify("", 1).failure, Jwt::Failure::Malformed);
        QCOMPARE(jwt.verify("a.b", 1).failure, Jwt::Failure::Malformed);
        QCOMPARE(jwt.verify("!!.??.##", 1).failure, Jwt::Failure::Malformed);
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
