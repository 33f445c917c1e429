#include "llm/SseParser.h"

#include <QtTest/QTest>

using namespace hearth;

class TestSseParser final : public QObject
{
    Q_OBJECT
private slots:
    void parsesOneEvent()
    {
        SseParser parser;
        const auto events = parser.feed("event: message\ndata: {\"a\":1}\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].event, QByteArray("message"));
        QCOMPARE(events[0].data, QByteArray("{\"a\":1}"));
    }

    void eventSplitAcrossEveryByte()
    {
        const QByteArray stream = "data: hello\r\n\r\ndata: world\r\n\r\n";
        SseParser parser;
        QList<SseEvent> events;
        for (char c : stream)
            events << parser.feed(QByteArray(1, c));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].data, QByteArray("hello"));
        QCOMPARE(events[1].data, QByteArray("world"));
    }

    void crlfSplitBetweenChunksIsOneLineEnd()
    {
        SseParser parser;
        auto events = parser.feed("data: a\r");
        QVERIFY(events.isEmpty());
        events = parser.feed("\n\r\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("a"));
    }

    void mergedChunksGiveAllEvents()
    {
        SseParser parser;
        const auto events = parser.feed("data: 1\n\ndata: 2\n\ndata: [DONE]\n\n");
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[2].data, QByteArray("[DONE]"));
    }

    void bareCrEndsLines()
    {
        SseParser parser;
        const auto events = parser.feed("data: x\r\rdata: y\r\r");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[1].data, QByteArray("y"));
    }

    void multipleDataLinesJoinWithNewline()
    {
        SseParser parser;
        const auto events = parser.feed("data: line1\ndata: line2\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("line1\nline2"));
    }

    void commentsAndUnknownFieldsAreIgnored()
    {
        SseParser parser;
        const auto events = parser.feed(": ping\n\nretry: 100\nfoo\ndata:nospace\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("nospace"));
    }

    void blankEventWithoutDataIsNotDispatched()
    {
        SseParser parser;
        QVERIFY(parser.feed("event: x\n\n").isEmpty());
        const auto events = parser.feed("data: y\n\n");
        QCOMPARE(events.size(), 1);
        QVERIFY(events[0].event.isEmpty()); // the event name does not leak into the next event
    }

    void incompleteEventIsHeldBack()
    {
        SseParser parser;
        QVERIFY(parser.feed("data: partial").isEmpty());
        QVERIFY(parser.feed("\n").isEmpty());
        QCOMPARE(parser.feed("\n").size(), 1);
    }

    void overlongLineFailsInsteadOfGrowing()
    {
        SseParser parser(64);
        parser.feed("data: " + QByteArray(100, 'x'));
        QVERIFY(parser.failed());
        QVERIFY(parser.feed("\n\n").isEmpty());
    }

    void utf8SplitInsideACharacterSurvives()
    {
        const QByteArray text = QStringLiteral("data: 你好\n\n").toUtf8();
        SseParser parser;
        auto events = parser.feed(text.left(7)); // cuts "你" in two
        events << parser.feed(text.mid(7));
        QCOMPARE(events.size(), 1);
        QCOMPARE(QString::fromUtf8(events[0].data), QStringLiteral("你好"));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
