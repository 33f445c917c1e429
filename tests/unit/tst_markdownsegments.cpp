#include "app/MarkdownSegments.h"

#include <QtTest/QTest>

using hearth::ui::MarkdownSegment;
using hearth::ui::splitMarkdown;

Q_DECLARE_METATYPE(QList<MarkdownSegment>)

namespace {
MarkdownSegment prose(const char *text)
{
    return {false, {}, QString::fromUtf8(text)};
}
MarkdownSegment code(const char *language, const char *text)
{
    return {true, QString::fromUtf8(language), QString::fromUtf8(text)};
}
} // namespace

namespace QTest {
template<> char *toString(const MarkdownSegment &s)
{
    return qstrdup(
        QStringLiteral("%1[%2]%3")
            .arg(s.code ? QStringLiteral("code") : QStringLiteral("prose"), s.language, s.text)
            .toUtf8()
            .constData());
}
} // namespace QTest

class TestMarkdownSegments final : public QObject
{
    Q_OBJECT
private slots:
    void split_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QList<MarkdownSegment>>("expected");
        QTest::newRow("prose only") << QStringLiteral("Hello **world**\n\n- a\n- b")
                                    << QList<MarkdownSegment>{prose("Hello **world**\n\n- a\n- b")};
        QTest::newRow("code between prose")
            << QStringLiteral("In C++:\n\n```cpp\nint x = 1;\n\nreturn x;\n```\nDone.")
            << QList<MarkdownSegment>{prose("In C++:\n"), code("cpp", "int x = 1;\n\nreturn x;"),
                                      prose("Done.")};
        QTest::newRow("tildes, info words after the language")
            << QStringLiteral("~~~python title=x\nprint(1)\n~~~")
            << QList<MarkdownSegment>{code("python", "print(1)")};
        QTest::newRow("a shorter fence does not close a longer one")
            << QStringLiteral("````md\n```js\nx\n```\n````")
            << QList<MarkdownSegment>{code("md", "```js\nx\n```")};
        QTest::newRow("still streaming: the open fence is code")
            << QStringLiteral("Look:\n```sh\nls -l")
            << QList<MarkdownSegment>{prose("Look:"), code("sh", "ls -l")};
        QTest::newRow("empty code block")
            << QStringLiteral("```\n```") << QList<MarkdownSegment>{code("", "")};
        QTest::newRow("inline code is not a fence")
            << QStringLiteral("Use ```x``` here")
            << QList<MarkdownSegment>{prose("Use ```x``` here")};
        QTest::newRow("indented four spaces is prose")
            << QStringLiteral("    ```\n    code")
            << QList<MarkdownSegment>{prose("    ```\n    code")};
        QTest::newRow("two fences, Chinese text")
            << QStringLiteral("例子：\n```\n你好\n```\n```go\nfmt.Println()\n```")
            << QList<MarkdownSegment>{prose("例子："), code("", "你好"),
                                      code("go", "fmt.Println()")};
    }
    void longProseIsCutAtParagraphsOnly()
    {
        const QString paragraph = QString(QStringLiteral("word ")).repeated(60).trimmed(); // 299
        QStringList blocks;
        for (int i = 0; i < 12; ++i)
            blocks << paragraph;
        blocks.insert(4, QStringLiteral("1. first\n\n2. second")); // a loose list stays whole
        const QString markdown = blocks.join(QStringLiteral("\n\n"));
        const QList<MarkdownSegment> segments = splitMarkdown(markdown);
        QVERIFY(segments.size() >= 3);
        QStringList rejoined;
        for (const MarkdownSegment &segment : segments) {
            QVERIFY(!segment.code);
            QVERIFY(segment.text.size() < 1000 + paragraph.size() + 40);
            QVERIFY(!segment.text.startsWith(QLatin1String("2.")));
            rejoined << segment.text;
        }
        QCOMPARE(rejoined.join(QStringLiteral("\n\n")), markdown); // nothing lost or moved
    }
    void split()
    {
        QFETCH(QString, markdown);
        QFETCH(QList<MarkdownSegment>, expected);
        QCOMPARE(splitMarkdown(markdown), expected);
    }
};

QTEST_APPLESS_MAIN(TestMarkdownSegments)
#include "tst_markdownsegments.moc"
