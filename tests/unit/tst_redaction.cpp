#include "llm/Redaction.h"

#include <QtTest/QTest>

using namespace hearth;

class TestRedaction final : public QObject
{
    Q_OBJECT
private slots:
    void knownSecretIsMasked()
    {
        const QString out = redactSecrets(QStringLiteral("bad key: abcdefghijklmnop."),
                                          {QStringLiteral("abcdefghijklmnop")});
        QVERIFY(!out.contains(QLatin1String("abcdefghijklmnop")));
        QVERIFY(out.contains(QLatin1String("mnop")));
    }

    void keyLikeStringsAreMasked()
    {
        const QString out = redactSecrets(QStringLiteral(
            "Incorrect API key provided: sk-proj-ABCDEFGH12345678. And hk-zzzzzzzzzzzz"));
        QVERIFY2(!out.contains(QLatin1String("ABCDEFGH12345678")), qPrintable(out));
        QVERIFY(!out.contains(QLatin1String("zzzzzzzzzzzz")));
        QVERIFY(out.contains(QStringLiteral("sk-pr…")));
    }

    void bearerTokensAreMasked()
    {
        const QString out =
            redactSecrets(QStringLiteral("header was Authorization: Bearer eyJabc.def.ghi"));
        QVERIFY(!out.contains(QLatin1String("eyJabc")));
    }

    void ordinaryTextIsUntouched()
    {
        const QString text = QStringLiteral("The model is overloaded, try again (task-force ok).");
        QCOMPARE(redactSecrets(text), text);
    }

    void maskShowsOnlyEnds()
    {
        QCOMPARE(maskSecret(QStringLiteral("sk-1234567890a1b2")), QStringLiteral("sk-…a1b2"));
        QCOMPARE(maskSecret(QStringLiteral("short")), QStringLiteral("…"));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
