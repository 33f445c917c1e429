#include "llm/ReasoningSplitter.h"

#include <QtTest/QTest>

using hearth::ReasoningSplitter;

namespace {

struct Split
{
    QString reasoning;
    QString content;
};

// Feeds `parts` as content deltas, then finishes.
Split feedContent(const QStringList &parts)
{
    ReasoningSplitter splitter;
    Split result;
    for (const QString &part : parts) {
        const auto pieces = splitter.feedContent(part);
        result.reasoning += pieces.reasoning;
        result.content += pieces.content;
    }
    const auto rest = splitter.finish();
    result.reasoning += rest.reasoning;
    result.content += rest.content;
    return result;
}

} // namespace

class TestReasoningSplitter final : public QObject
{
    Q_OBJECT

private slots:
    void whole_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("reasoning");
        QTest::addColumn<QString>("content");
        QTest::newRow("no reasoning") << "Hello, world"
                                      << ""
                                      << "Hello, world";
        QTest::newRow("think then answer") << "<think>Two and two.</think>\n\nFour."
                                           << "Two and two."
                                           << "Four.";
        QTest::newRow("blank before the tag") << "\n <think>hm</think>Yes"
                                              << "hm"
                                              << "Yes";
        QTest::newRow("empty think (thinking off)") << "<think>\n\n</think>\n\n你好"
                                                    << "\n\n"
                                                    << "你好";
        QTest::newRow("never closed") << "<think>still thinking…"
                                      << "still thinking…"
                                      << "";
        QTest::newRow("a tag later is the answer's") << "Use <think> in XML"
                                                     << ""
                                                     << "Use <think> in XML";
        QTest::newRow("a lone tag beginning") << "<thi"
                                              << ""
                                              << "<thi";
        QTest::newRow("less-than first") << "<b>bold</b>"
                                         << ""
                                         << "<b>bold</b>";
        QTest::newRow("close tag inside reasoning text") << "<think>a </thin b</think>c"
                                                         << "a </thin b"
                                                         << "c";
        QTest::newRow("only blank") << "  \n"
                                    << ""
                                    << "  \n";
    }

    void whole()
    {
        QFETCH(QString, reply);
        QFETCH(QString, reasoning);
        QFETCH(QString, content);
        const Split once = feedContent({reply});
        QCOMPARE(once.reasoning, reasoning);
        QCOMPARE(once.content, content);
    }

    // However the reply is cut into deltas, the result is the same.
    void everyCut_data() { whole_data(); }
    void everyCut()
    {
        QFETCH(QString, reply);
        QFETCH(QString, reasoning);
        QFETCH(QString, content);
        for (qsizetype i = 0; i <= reply.size(); ++i) {
            for (qsizetype j = i; j <= reply.size(); ++j) {
                const Split cut = feedContent({reply.left(i), reply.mid(i, j - i), reply.mid(j)});
                QCOMPARE(cut.reasoning, reasoning);
                QCOMPARE(cut.content, content);
            }
        }
        QStringList characters;
        for (const QChar c : reply)
            characters << QString(c);
        const Split oneByOne = feedContent(characters);
        QCOMPARE(oneByOne.reasoning, reasoning);
        QCOMPARE(oneByOne.content, content);
    }

    void reasoningFieldsGoStraightThrough()
    {
        ReasoningSplitter splitter;
        QCOMPARE(splitter.feedReasoning(QStringLiteral("Let me")).reasoning,
                 QStringLiteral("Let me"));
        QCOMPARE(splitter.feedReasoning(QStringLiteral(" think.")).reasoning,
                 QStringLiteral(" think."));
        // After a reasoning field, a tag in the content is the answer's text.
        const auto answer = splitter.feedContent(QStringLiteral("<think> is a tag"));
        QCOMPARE(answer.content, QStringLiteral("<think> is a tag"));
        QVERIFY(answer.reasoning.isEmpty());
        QVERIFY(splitter.finish().isEmpty());
    }

    void reasoningAfterTheAnswerStartedIsStillReasoning()
    {
        ReasoningSplitter splitter;
        QCOMPARE(splitter.feedContent(QStringLiteral("Hi")).content, QStringLiteral("Hi"));
        QCOMPARE(splitter.feedReasoning(QStringLiteral("late")).reasoning, QStringLiteral("late"));
        QCOMPARE(splitter.feedContent(QStringLiteral(" there")).content, QStringLiteral(" there"));
    }

    void heldBlankBeforeAReasoningFieldIsKept()
    {
        ReasoningSplitter splitter;
        QVERIFY(splitter.feedContent(QStringLiteral("\n")).isEmpty());
        const auto pieces = splitter.feedReasoning(QStringLiteral("why"));
        QCOMPARE(pieces.reasoning, QStringLiteral("why"));
        QCOMPARE(pieces.content, QStringLiteral("\n"));
    }
};

QTEST_GUILESS_MAIN(TestReasoningSplitter)
#include "tst_reasoningsplitter.moc"
