#include "attachments/SafeFileName.h"

#include <QtTest/QTest>

using namespace hearth;

class TestSafeFileName final : public QObject
{
    Q_OBJECT
private slots:
    void names_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("safe");
        const auto s = [](const char *utf8) { return QString::fromUtf8(utf8); };
        QTest::newRow("plain") << s("report.pdf") << s("report.pdf");
        QTest::newRow("chinese") << s("会议纪要 2026.md") << s("会议纪要 2026.md");
        QTest::newRow("unix path") << s("../../etc/passwd") << s("passwd");
        QTest::newRow("windows path") << s("C:\\Users\\me\\photo.jpg") << s("photo.jpg");
        QTest::newRow("control characters") << s("a\nb\r\x01\x7f.txt") << s("ab.txt");
        // U+202E makes "photo\u202Egpj.exe" look like "photoexe.jpg".
        QTest::newRow("bidi override") << s("photo\u202egpj.exe") << s("photogpj.exe");
        QTest::newRow("hidden") << s("..bashrc") << s("bashrc");
        QTest::newRow("only dots") << s("..") << s("file");
        QTest::newRow("trailing slash") << s("dir/") << s("file");
        QTest::newRow("spaces") << s("  name.txt  ") << s("name.txt");
        QTest::newRow("empty") << QString() << s("file");
    }
    void names()
    {
        QFETCH(QString, given);
        QFETCH(QString, safe);
        QCOMPARE(safeFileName(given, QStringLiteral("file")), safe);
    }

    void longNamesKeepTheirExtension()
    {
        const QString name = safeFileName(QString(300, u'长') + QStringLiteral(".pdf"), {});
        QCOMPARE(name.size(), 200);
        QVERIFY(name.endsWith(QLatin1String(".pdf")));
        // An emoji (two UTF-16 units) at the cut is never split.
        const QString emoji = QString::fromUtf8("😀");
        const QString cut =
            safeFileName(QString(195, u'a') + emoji.repeated(10) + QStringLiteral(".png"), {});
        QVERIFY(!cut.at(cut.size() - 5).isHighSurrogate());
        QVERIFY(cut.endsWith(QLatin1String(".png")));
    }
};

QTEST_GUILESS_MAIN(TestSafeFileName)
#include "tst_safefilename.moc"
