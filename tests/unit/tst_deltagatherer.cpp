#include "llm/DeltaGatherer.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using hearth::DeltaGatherer;

namespace {

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject gather(const QList<QByteArray> &deltas)
{
    DeltaGatherer gatherer;
    for (const QByteArray &delta : deltas)
        gatherer.add(object(delta));
    return gatherer.result();
}

} // namespace

class TestDeltaGatherer final : public QObject
{
    Q_OBJECT

private slots:
    void toolCallsGatherByIndex();
    void repeatedIdentifiersAreNotDoubled();
    void textConcatenatesAndNullsChangeNothing();
    void listsWithoutIndexGrow();
    void aLongArgumentIsGatheredWhole();
};

// Defined outside the class: moc cannot read their raw-string JSON.
void TestDeltaGatherer::toolCallsGatherByIndex()
{
    const QJsonObject message = gather({
        R"({"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":""}}]})",
        R"({"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"g","arguments":"{"}}]})",
        R"({"tool_calls":[{"index":0,"function":{"arguments":"{\"x\":"}}]})",
        R"({"tool_calls":[{"index":0,"function":{"arguments":"1}"}},{"index":1,"function":{"arguments":"}"}}]})",
    });
    QCOMPARE(message, object(R"({"tool_calls":[
        {"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":"{\"x\":1}"}},
        {"index":1,"id":"call_b","type":"function","function":{"name":"g","arguments":"{}"}}]})"));
    QCOMPARE(hearth::withoutStreamIndexes(message)
                 .value(QLatin1String("tool_calls"))
                 .toArray()
                 .first()
                 .toObject()
                 .contains(QLatin1String("index")),
             false);
}

void TestDeltaGatherer::repeatedIdentifiersAreNotDoubled()
{
    // Some servers repeat id, type and name in every piece.
    const QJsonObject message = gather({
        R"({"tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"f","arguments":"a"}}]})",
        R"({"tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"f","arguments":"b"}}]})",
    });
    QCOMPARE(message, object(R"({"tool_calls":[{"index":0,"id":"c1","type":"function",
                                 "function":{"name":"f","arguments":"ab"}}]})"));
}

void TestDeltaGatherer::textConcatenatesAndNullsChangeNothing()
{
    QCOMPARE(gather({R"({"refusal":null})", R"({"refusal":"I can't"})",
                     R"({"refusal":" help.","audio":null})"}),
             object(R"({"refusal":"I can't help."})"));
    DeltaGatherer empty;
    empty.add(object(R"({"refusal":null})"));
    QVERIFY(empty.isEmpty());
}

void TestDeltaGatherer::listsWithoutIndexGrow()
{
    QCOMPARE(gather({R"({"content":[{"token":"O","logprob":-0.1}],"refusal":null})",
                     R"({"content":[{"token":"K","logprob":-0.2}]})"}),
             object(R"({"content":[{"token":"O","logprob":-0.1},{"token":"K","logprob":-0.2}]})"));
}

void TestDeltaGatherer::aLongArgumentIsGatheredWhole()
{
    DeltaGatherer gatherer;
    const QString piece(2048, QLatin1Char('z'));
    const QJsonObject delta{
        {QStringLiteral("tool_calls"),
         QJsonArray{QJsonObject{
             {QStringLiteral("index"), 0},
             {QStringLiteral("function"), QJsonObject{{QStringLiteral("arguments"), piece}}}}}}};
    for (int i = 0; i < 1024; ++i)
        gatherer.add(delta);
    QCOMPARE(gatherer
                 .result()[QLatin1String("tool_calls")][0][QLatin1String("function")]
                          [QLatin1String("arguments")]
                 .toString()
                 .size(),
             2048 * 1024);
}

QTEST_GUILESS_MAIN(TestDeltaGatherer)
#include "tst_deltagatherer.moc"
