#include "security/SecretBox.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace hearth;

class TestSecretBox final : public QObject
{
    Q_OBJECT
private slots:
    void sealsAndOpens()
    {
        QTemporaryDir dir;
        QString error;
        const auto box =
            SecretBox::fromKeyFile(QDir(dir.path()).filePath(QStringLiteral("secret.key")), &error);
        QVERIFY2(box, qPrintable(error));
        const QString key = QStringLiteral("sk-live-1234567890abcdef");
        const QString sealed = box->seal(key);
        QVERIFY(sealed.startsWith(QLatin1String("v1:")));
        QVERIFY(!sealed.contains(QLatin1String("1234567890")));
        QVERIFY(box->seal(key) != sealed); // a fresh nonce each time
        QCOMPARE(box->open(sealed), key);
    }

    void keyFileIsPrivateAndReused()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QStringLiteral("secret.key"));
        QString error;
        const QString sealed = SecretBox::fromKeyFile(path, &error)->seal(QStringLiteral("x"));
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QCOMPARE(SecretBox::fromKeyFile(path, &error)->open(sealed), QStringLiteral("x"));
    }

    void anotherKeyOrAlteredTextCannotOpen()
    {
        QTemporaryDir a, b;
        QString error;
        const auto boxA =
            SecretBox::fromKeyFile(QDir(a.path()).filePath(QStringLiteral("k")), &error);
        const auto boxB =
            SecretBox::fromKeyFile(QDir(b.path()).filePath(QStringLiteral("k")), &error);
        const QString sealed = boxA->seal(QStringLiteral("secret"));
        QVERIFY(!boxB->open(sealed));
        QString altered = sealed;
        altered[10] = altered[10] == u'A' ? u'B' : u'A';
        QVERIFY(!boxA->open(altered));
        QVERIFY(!boxA->open(QStringLiteral("plain text")));
    }
};

QTEST_GUILESS_MAIN(TestSecretBox)
#include "tst_secretbox.moc"
