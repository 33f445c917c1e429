#include "security/Crypto.h"
#include "security/PasswordHasher.h"

#include <QtTest/QTest>

using namespace hearth;

class TestPasswordHasher final : public QObject
{
    Q_OBJECT
private slots:
    void hashUsesArgon2idWithOwaspParameters()
    {
        const QByteArray hash = PasswordHasher().hash(QStringLiteral("password123"));
        QVERIFY2(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash.constData());
        QVERIFY(!PasswordHasher().needsRehash(hash));
    }

    void verifiesTheRightPasswordOnly()
    {
        PasswordHasher hasher;
        const QByteArray hash = hasher.hash(QStringLiteral("密码 with ünïcode"));
        QVERIFY(hasher.verify(hash, QStringLiteral("密码 with ünïcode")));
        QVERIFY(!hasher.verify(hash, QStringLiteral("密码 with unicode")));
        QVERIFY(!hasher.verify(hash, QString()));
    }

    void saltMakesEveryHashDifferent()
    {
        PasswordHasher hasher;
        QVERIFY(hasher.hash(QStringLiteral("same")) != hasher.hash(QStringLiteral("same")));
    }

    void refusesForeignOrBrokenHashes()
    {
        PasswordHasher hasher;
        QVERIFY(!hasher.verify("", QStringLiteral("x")));
        QVERIFY(!hasher.verify("$2b$10$abcdefghijklmnopqrstuv", QStringLiteral("x")));
        QVERIFY(!hasher.verify("$argon2id$v=19$m=19456,t=2,p=1$broken", QStringLiteral("x")));
        // An account without a password matches nothing, not even the marker.
        for (const QString &guess : {QString(), QStringLiteral("!locked"), QStringLiteral("x")})
            QVERIFY(!hasher.verify(PasswordHasher::lockedHash(), guess));
    }

    void weakerParametersNeedRehash()
    {
        PasswordHasher weak(PasswordHasher::Cost{1024, 1, 1});
        const QByteArray hash = weak.hash(QStringLiteral("pw"));
        QVERIFY(weak.verify(hash, QStringLiteral("pw")));
        QVERIFY(PasswordHasher().needsRehash(hash));
    }

    void constantTimeEqualsComparesContent()
    {
        QVERIFY(crypto::constantTimeEquals("abc", "abc"));
        QVERIFY(!crypto::constantTimeEquals("abc", "abd"));
        QVERIFY(!crypto::constantTimeEquals("abc", "abcd"));
    }

    void randomTokensAreUrlSafeAndDistinct()
    {
        const QByteArray a = crypto::randomToken(32), b = crypto::randomToken(32);
        QVERIFY(a != b);
        QCOMPARE(a.size(), 43);
        for (char c : a)
            QVERIFY(
                QByteArrayView("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                    .contains(c));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
