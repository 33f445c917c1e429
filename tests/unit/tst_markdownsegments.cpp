#include "app/MarkdownSegments.h"

#include <QtGui/QTextDocument>
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
    void formulas_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QList<MarkdownSegment>>("expected");
        QTest::newRow("inline dollars become a code span")
            << QStringLiteral("so $a_1 + b_1 = c_1$ holds")
            << QList<MarkdownSegment>{prose("so `$a_1 + b_1 = c_1$` holds")};
        QTest::newRow("backslash parentheses keep their backslashes")
            << QStringLiteral("where \\(\\alpha_i \\le 1\\)")
            << QList<MarkdownSegment>{prose("where `\\(\\alpha_i \\le 1\\)`")};
        QTest::newRow("money is not a formula")
            << QStringLiteral("It costs $5 and $10, or $ 3.")
            << QList<MarkdownSegment>{prose("It costs $5 and $10, or $ 3.")};
        QTest::newRow("an escaped dollar stays one")
            << QStringLiteral("\\$x$ is text") << QList<MarkdownSegment>{prose("\\$x$ is text")};
        QTest::newRow("existing code spans are left alone")
            << QStringLiteral("run `echo $HOME$` then $x^2$")
            << QList<MarkdownSegment>{prose("run `echo $HOME$` then `$x^2$`")};
        QTest::newRow("a backtick inside a formula")
            << QStringLiteral("$a`b$") << QList<MarkdownSegment>{prose("``$a`b$``")};
        QTest::newRow("formulas do not cross paragraphs")
            << QStringLiteral("$a\n\nb$") << QList<MarkdownSegment>{prose("$a\n\nb$")};
        QTest::newRow("inline $$ in a sentence")
            << QStringLiteral("Then $$x_1$$ follows.")
            << QList<MarkdownSegment>{prose("Then `$$x_1$$` follows.")};
        QTest::newRow("displayed over lines, with \\\\ rows")
            << QStringLiteral(
                   "The matrix:\n$$\n\\begin{pmatrix} a_1 & b \\\\ c & d \\end{pmatrix}\n$$\nDone.")
            << QList<MarkdownSegment>{
                   prose("The matrix:"),
                   code("math", "\\begin{pmatrix} a_1 & b \\\\ c & d \\end{pmatrix}"),
                   prose("Done.")};
        QTest::newRow("displayed on one line, brackets")
            << QStringLiteral("\\[ E = mc^2 \\]")
            << QList<MarkdownSegment>{code("math", "E = mc^2")};
        QTest::newRow("still streaming: the open formula is kept")
            << QStringLiteral("$$\n\\sum_{i=1}^n i")
            << QList<MarkdownSegment>{code("math", "\\sum_{i=1}^n i")};
        QTest::newRow("dollars inside a code fence are code")
            << QStringLiteral("```sh\necho $$ $a_b$\n```")
            << QList<MarkdownSegment>{code("sh", "echo $$ $a_b$")};
    }
    void formulas() { split(); }
    void formulasSurviveMarkdown()
    {
        // What the reader sees: Qt's Markdown keeps the formula as written.
        QTextDocument document;
        document.setMarkdown(
            splitMarkdown(QStringLiteral("Let $a_1 * b_2 * c$ and \\(x_\\alpha\\) be."))
                .first()
                .text);
        QCOMPARE(document.toPlainText(),
                 QStringLiteral("Let $a_1 * b_2 * c$ and \\(x_\\alpha\\) be."));
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

QTEST_GUILESS_MAIN(TestMarkdownSegments)
#include "tst_markdownsegments.moc"
