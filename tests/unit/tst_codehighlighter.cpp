#include "app/CodeHighlighter.h"

#include <QtTest/QTest>

using hearth::ui::CodeHighlighter;

// Code colours: fence names to source-highlight's languages, its output in
// our light and dark colours, and the program itself run for real: one run
// per block at a time, the newest text of a changing block, unknown
// languages and a missing program left plain.
class TestCodeHighlighter final : public QObject
{
    Q_OBJECT
private slots:
    void languages()
    {
        QCOMPARE(CodeHighlighter::languageFor(QStringLiteral("Python")), QStringLiteral("python"));
        QCOMPARE(CodeHighlighter::languageFor(QStringLiteral("c++")), QStringLiteral("cpp"));
        QCOMPARE(CodeHighlighter::languageFor(QStringLiteral("ts")), QStringLiteral("javascript"));
        QCOMPARE(CodeHighlighter::languageFor(QStringLiteral("bash")), QStringLiteral("sh"));
        QCOMPARE(CodeHighlighter::languageFor(QString()), QString());
        QCOMPARE(CodeHighlighter::languageFor(QStringLiteral("math")), QString());
        // Nothing that could be read as an option or a path reaches the program.
        QCOMPARE(CodeHighlighter::languageFor(QStringLiteral("../x")), QString());
        QCOMPARE(CodeHighlighter::languageFor(QStringLiteral("a b")), QString());
    }

    void runsAreReadBackFromTheProgramsAnswer()
    {
        const QString xhtml = QStringLiteral(
            "<!-- Generator: GNU source-highlight -->\n<pre><tt><span class=\"keyword\">def</span>"
            "<span class=\"normal\"> f</span><span class=\"symbol\">&lt;</span>"
            "<span class=\"comment\"># &lt;b&gt; &amp;\nnext</span> "
            "<span class=\"todo\">TODO</span>\n</tt></pre>\n");
        QString code;
        const QList<CodeHighlighter::Run> runs = CodeHighlighter::colouredRuns(xhtml, &code);
        // The code as written: entities decoded, no generator comment.
        QCOMPARE(code, QStringLiteral("def f<# <b> &\nnext TODO"));
        // Plain text and symbols are not runs; the rest have our colours.
        QCOMPARE(runs.size(), 3);
        QCOMPARE(code.mid(runs.at(0).start, runs.at(0).length), QStringLiteral("def"));
        QCOMPARE(runs.at(0).light, QColor(QStringLiteral("#cf222e")));
        QCOMPARE(runs.at(0).dark, QColor(QStringLiteral("#ff7b72")));
        // A comment over two lines is one run, in italics.
        QCOMPARE(code.mid(runs.at(1).start, runs.at(1).length), QStringLiteral("# <b> &\nnext"));
        QVERIFY(runs.at(1).italic);
        QCOMPARE(code.mid(runs.at(2).start, runs.at(2).length), QStringLiteral("TODO"));
        QVERIFY(runs.at(2).bold);
    }

    void theProgramColoursCode()
    {
        CodeHighlighter highlighter;
        QVERIFY2(highlighter.isAvailable(), "source-highlight is not installed");
        QObject receiver;
        QString answer;
        highlighter.highlight(QStringLiteral("py"), QStringLiteral("def f():\n    return 'x'\n"),
                              &receiver, [&](const QString &xhtml) { answer = xhtml; });
        QTRY_VERIFY_WITH_TIMEOUT(!answer.isEmpty(), 10000);
        QVERIFY2(answer.contains(QLatin1String("<span class=\"keyword\">def</span>")),
                 qPrintable(answer));
        QVERIFY(answer.contains(QLatin1String("<span class=\"string\">'x'</span>")));

        // Asked again: from the cache, at once.
        QString again;
        highlighter.highlight(QStringLiteral("py"), QStringLiteral("def f():\n    return 'x'\n"),
                              &receiver, [&](const QString &xhtml) { again = xhtml; });
        QCOMPARE(again, answer);
    }

    void aChangingBlockIsColouredWithItsNewestText()
    {
        CodeHighlighter highlighter;
        QObject first;
        QObject streaming;
        QStringList answers;
        QString firstAnswer;
        // Two runs at a time: the first two start, the rest wait.
        highlighter.highlight(QStringLiteral("c"), QStringLiteral("int a;"), &first,
                              [&](const QString &xhtml) { firstAnswer = xhtml; });
        highlighter.highlight(QStringLiteral("c"), QStringLiteral("int b1;"), &streaming,
                              [&](const QString &xhtml) { answers << xhtml; });
        highlighter.highlight(QStringLiteral("c"), QStringLiteral("int b2;"), &streaming,
                              [&](const QString &xhtml) { answers << xhtml; });
        highlighter.highlight(QStringLiteral("c"), QStringLiteral("int b3;"), &streaming,
                              [&](const QString &xhtml) { answers << xhtml; });
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 10000);
        QVERIFY(answers.at(0).contains(QLatin1String("b1")));
        QVERIFY(answers.at(1).contains(QLatin1String("b3"))); // b2 was overtaken
        QTRY_VERIFY(!firstAnswer.isEmpty());
    }

    void unknownLanguagesAndAMissingProgramStayPlain()
    {
        CodeHighlighter highlighter;
        QObject receiver;
        bool unknownAnswered = false;
        QString known;
        highlighter.highlight(QStringLiteral("klingon"), QStringLiteral("Qapla'"), &receiver,
                              [&](const QString &) { unknownAnswered = true; });
        QObject other;
        highlighter.highlight(QStringLiteral("c"), QStringLiteral("int x;"), &other,
                              [&](const QString &xhtml) { known = xhtml; });
        QTRY_VERIFY_WITH_TIMEOUT(!known.isEmpty() && !highlighter.isBusy(), 10000);
        QVERIFY(!unknownAnswered);

        CodeHighlighter missing(QStringLiteral("/nonexistent/source-highlight"), nullptr);
        QVERIFY(missing.isAvailable());
        bool answered = false;
        missing.highlight(QStringLiteral("c"), QStringLiteral("int x;"), &receiver,
                          [&](const QString &) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(!missing.isAvailable(), 10000);
        QVERIFY(!answered);
    }

    void aGoneReceiverIsNotCalled()
    {
        CodeHighlighter highlighter;
        bool called = false;
        auto *receiver = new QObject;
        highlighter.highlight(QStringLiteral("c"), QStringLiteral("int gone;"), receiver,
                              [&](const QString &) { called = true; });
        delete receiver;
        QObject witness;
        QString done;
        highlighter.highlight(QStringLiteral("c"), QStringLiteral("int later;"), &witness,
                              [&](const QString &xhtml) { done = xhtml; });
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestCodeHighlighter)
#include "tst_codehighlighter.moc"
