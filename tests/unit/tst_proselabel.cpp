#include "app/ProseLabel.h"

#include <QtTest/QTest>

using hearth::ui::ProseLabel;

// The remembered heights must be exactly what QLabel would answer, and must
// be forgotten when the text or the font changes.
class TestProseLabel final : public QObject
{
    Q_OBJECT
private slots:
    void answersLikeAPlainLabel()
    {
        const QString markdown = QStringLiteral("Some **bold** words. ").repeated(40);
        ProseLabel prose;
        prose.setMarkdown(markdown);
        QLabel plain;
        plain.setTextFormat(Qt::MarkdownText);
        plain.setWordWrap(true);
        plain.setText(markdown);
        for (int width : {120, 300, 120, 640, 300}) {
            QCOMPARE(prose.heightForWidth(width), plain.heightForWidth(width));
        }
        QVERIFY(prose.heightForWidth(120) > prose.heightForWidth(640));
    }

    void forgetsOnNewText()
    {
        ProseLabel prose;
        prose.setMarkdown(QStringLiteral("short"));
        const int oneLine = prose.heightForWidth(200);
        prose.setMarkdown(QStringLiteral("many words ").repeated(50));
        QVERIFY(prose.heightForWidth(200) > oneLine);
    }

    void forgetsOnNewFont()
    {
        ProseLabel prose;
        prose.setMarkdown(QStringLiteral("many words ").repeated(50));
        const int before = prose.heightForWidth(200);
        QFont big = prose.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        prose.setFont(big);
        QVERIFY(prose.heightForWidth(200) > before);
    }
};

QTEST_MAIN(TestProseLabel)
#include "tst_proselabel.moc"
