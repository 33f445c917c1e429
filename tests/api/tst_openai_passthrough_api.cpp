// /v1/chat/completions as a faithful gateway: every field Hearth does not
// own reaches the provider byte for byte and in order; tool calls, refusals
// and logprobs come back unchanged, streamed and not; a provider's refusal
// of the request reaches the caller as the provider said it; and each call
// is counted once.
#include "ChatFixture.h"
#include "DbPeek.h"

#include <QtTest/QTest>

namespace {

// The chat.completion.chunk objects of an OpenAI stream, [DONE] left out.
QList<QJsonObject> chunksOf(const QByteArray &body)
{
    QList<QJsonObject> chunks;
    for (const QByteArray &line : body.split('\n'))
        if (line.startsWith("data: ") && line != "data: [DONE]")
            chunks << QJsonDocument::fromJson(line.mid(6)).object();
    return chunks;
}

QJsonObject choiceOf(const QJsonObject &chunk)
{
    return chunk.value(QLatin1String("choices")).toArray().first().toObject();
}

struct Streamed
{
    QString content;
    QString refusal;
    QString arguments;
    QJsonArray callStarts; // tool_calls pieces that carry an id
    QString finishReason;
    QStringList logprobTokens;
    bool sawReasoning = false;
    bool done = false;
};

Streamed collect(const QByteArray &body)
{
    Streamed s;
    s.done = body.contains("data: [DONE]");
    for (const QJsonObject &chunk : chunksOf(body)) {
        const QJsonObject choice = choiceOf(chunk);
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        s.content += delta.value(QLatin1String("content")).toString();
        s.refusal += delta.value(QLatin1String("refusal")).toString();
        s.sawReasoning = s.sawReasoning || delta.contains(QLatin1String("reasoning_content"));
        for (const QJsonValue &call : delta.value(QLatin1String("tool_calls")).toArray()) {
            if (call[QLatin1String("id")].isString())
                s.callStarts.append(call);
            s.arguments += call[QLatin1String("function")][QLatin1String("arguments")].toString();
        }
        for (const QJsonValue &token :
             choice.value(QLatin1String("logprobs"))[QLatin1String("content")].toArray())
            s.logprobTokens << token[QLatin1String("token")].toString();
        if (choice.value(QLatin1String("finish_reason")).isString())
            s.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    }
    return s;
}

const QByteArray weatherTools =
    R"([{"type":"function","function":{"name":"get_weather","description":"Weather of a city",)"
    R"("parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}])";

} // namespace

class TestOpenAiPassthroughApi final : public QObject
{
    Q_OBJECT
    ChatFixture m_chat;

    ApiReply complete(const QByteArray &body)
    {
        return m_chat.client->request("POST", QStringLiteral("/v1/chat/completions"), body,
                                      {{"Content-Type", "application/json"}});
    }
    QByteArray lastUpstreamBody() const { return m_chat.upstream.received.last().rawBody; }
    int allLedgerRows()
    {
        return m_chat.ledgerRows(QStringLiteral("ok")) +
               m_chat.ledgerRows(QStringLiteral("error")) +
               m_chat.ledgerRows(QStringLiteral("cancelled"));
    }

private slots:
    void initTestCase();
    void fieldsHearthDoesNotOwnReachTheProviderUnchanged();
    void toolCallRoundTripStreamed();
    void toolCallGatheredWhenNotStreamed();
    void logprobsComeBack();
    void refusalComesBack();
    void jsonSchemaAndImagesPassThrough();
    void providersRefusalIsRelayedAsItSaidIt_data();
    void providersRefusalIsRelayedAsItSaidIt();
    void aTwoMegabyteToolCallStreamsWhole();
    void hearthStillChecksWhatItOwns_data();
    void hearthStillChecksWhatItOwns();
};

// Defined outside the class: moc cannot read their raw-string JSON.
void TestOpenAiPassthroughApi::initTestCase()
{
    QVERIFY(m_chat.start());
}

void TestOpenAiPassthroughApi::fieldsHearthDoesNotOwnReachTheProviderUnchanged()
{
    // A 64-bit seed a double would round, a nested "}" in a string, a
    // field nobody knows, a developer role, model given twice.
    const QByteArray sent =
        R"({"model":"fake-stream","seed":9007199254740993,"messages":[{"role":"developer",)"
        R"("content":"Be brief."},{"role":"user","content":"Hi"}],"x_trace":{"a":[1,2.50,"}"]},)"
        R"("stream":false,"temperature":0.7,"model":"fake-stream","user":"u-42"})";
    const ApiReply reply = complete(sent);
    QCOMPARE(reply.status, 200);
    QCOMPARE(lastUpstreamBody(),
             QByteArray(R"({"model":"fake-stream","seed":9007199254740993,"messages":[{"role":)"
                        R"("developer","content":"Be brief."},{"role":"user","content":"Hi"}],)"
                        R"("x_trace":{"a":[1,2.50,"}"]},"stream":true,"temperature":0.7,)"
                        R"("user":"u-42","stream_options":{"include_usage":true}})"));
}

void TestOpenAiPassthroughApi::toolCallRoundTripStreamed()
{
    const int rowsBefore = allLedgerRows();
    const QByteArray ask = R"({"model":"fake-tools","messages":[{"role":"user","content":)"
                           R"("Weather in Paris?"}],"tools":)" +
                           weatherTools +
                           R"(,"tool_choice":"auto","parallel_tool_calls":false,"stream":true})";
    ApiReply reply = complete(ask);
    QCOMPARE(reply.status, 200);
    QVERIFY(lastUpstreamBody().contains(R"("tools":)" + weatherTools +
                                        R"(,"tool_choice":"auto","parallel_tool_calls":false,)"));
    Streamed first = collect(reply.body);
    QVERIFY(first.done);
    QCOMPARE(first.finishReason, QStringLiteral("tool_calls"));
    QCOMPARE(first.callStarts.size(), 1);
    const QJsonObject call = first.callStarts.first().toObject();
    QCOMPARE(call.value(QLatin1String("id")).toString(), QStringLiteral("call_fake1"));
    QCOMPARE(call.value(QLatin1String("index")).toInt(-1), 0);
    QCOMPARE(call[QLatin1String("function")][QLatin1String("name")].toString(),
             QStringLiteral("get_weather"));
    QCOMPARE(first.arguments, QStringLiteral(R"({"city": "Paris"})"));
    QVERIFY(first.content.isEmpty());

    // The tool's result goes back with the call it answers.
    const QByteArray answer =
        R"({"model":"fake-tools","stream":true,"messages":[{"role":"user","content":)"
        R"("Weather in Paris?"},{"role":"assistant","content":null,"tool_calls":[{"id":)"
        R"("call_fake1","type":"function","function":{"name":"get_weather","arguments":)"
        R"("{\"city\": \"Paris\"}"}}]},{"role":"tool","tool_call_id":"call_fake1",)"
        R"("content":"sunny"}],"tools":)" +
        weatherTools + "}";
    reply = complete(answer);
    QCOMPARE(reply.status, 200);
    const Streamed second = collect(reply.body);
    QCOMPARE(second.content, QStringLiteral("It is sunny"));
    QCOMPARE(second.finishReason, QStringLiteral("stop"));
    // reasoning_content: null in every delta is no reasoning at all.
    QVERIFY(!second.sawReasoning);
    QCOMPARE(allLedgerRows(), rowsBefore + 2);
}

void TestOpenAiPassthroughApi::toolCallGatheredWhenNotStreamed()
{
    const ApiReply reply = complete(
        R"({"model":"fake-tools","messages":[{"role":"user","content":"Weather?"}],"tools":)" +
        weatherTools + "}");
    QCOMPARE(reply.status, 200);
    const QJsonObject choice =
        reply.json().value(QLatin1String("choices")).toArray().first().toObject();
    QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("tool_calls"));
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    QVERIFY(message.value(QLatin1String("content")).isNull());
    const QJsonArray calls = message.value(QLatin1String("tool_calls")).toArray();
    QCOMPARE(calls.size(), 1);
    const QJsonObject expected{
        {QStringLiteral("id"), QStringLiteral("call_fake1")},
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")},
                     {QStringLiteral("arguments"), QStringLiteral(R"({"city": "Paris"})")}}}};
    QCOMPARE(calls.first().toObject(), expected);
}

void TestOpenAiPassthroughApi::logprobsComeBack()
{
    const QByteArray ask = R"({"model":"fake-tools","logprobs":true,"top_logprobs":0,)"
                           R"("messages":[{"role":"user","content":"Say OK"}])";
    ApiReply reply = complete(ask + R"(,"stream":true})");
    QCOMPARE(reply.status, 200);
    const Streamed streamed = collect(reply.body);
    QCOMPARE(streamed.content, QStringLiteral("OK"));
    QCOMPARE(streamed.logprobTokens, QStringList({QStringLiteral("O"), QStringLiteral("K")}));
    // Each piece's logprobs ride in the chunk of its own text.
    for (const QJsonObject &chunk : chunksOf(reply.body)) {
        const QJsonObject choice = choiceOf(chunk);
        const QJsonArray tokens =
            choice.value(QLatin1String("logprobs"))[QLatin1String("content")].toArray();
        if (!tokens.isEmpty())
            QCOMPARE(tokens.first()[QLatin1String("token")].toString(),
                     choice[QLatin1String("delta")][QLatin1String("content")].toString());
    }

    reply = complete(ask + "}");
    QCOMPARE(reply.status, 200);
    const QJsonArray tokens =
        reply.json()
            .value(QLatin1String("choices"))[0][QLatin1String("logprobs")][QLatin1String("content")]
            .toArray();
    QCOMPARE(tokens.size(), 2);
    QCOMPARE(tokens.at(1)[QLatin1String("token")].toString(), QStringLiteral("K"));
    QCOMPARE(tokens.at(1)[QLatin1String("logprob")].toDouble(), -0.25);
}

void TestOpenAiPassthroughApi::refusalComesBack()
{
    const QByteArray ask = R"({"model":"fake-refusal","messages":[{"role":"user","content":"x"}])";
    ApiReply reply = complete(ask + R"(,"stream":true})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(collect(reply.body).refusal, QStringLiteral("I can't help with that."));
    reply = complete(ask + "}");
    const QJsonObject message =
        reply.json().value(QLatin1String("choices"))[0][QLatin1String("message")].toObject();
    QCOMPARE(message.value(QLatin1String("refusal")).toString(),
             QStringLiteral("I can't help with that."));
    QVERIFY(message.value(QLatin1String("content")).isNull());
}

void TestOpenAiPassthroughApi::jsonSchemaAndImagesPassThrough()
{
    const QByteArray format =
        R"({"type":"json_schema","json_schema":{"name":"sum","strict":true,"schema":{"type":)"
        R"("object","properties":{"answer":{"type":"integer"}},"required":["answer"]}}})";
    ApiReply reply = complete(R"({"model":"fake-tools","response_format":)" + format +
                              R"(,"messages":[{"role":"user","content":"2+2"}]})");
    QCOMPARE(reply.status, 200);
    QVERIFY(lastUpstreamBody().contains(R"("response_format":)" + format));
    QCOMPARE(
        reply.json()
            .value(QLatin1String("choices"))[0][QLatin1String("message")][QLatin1String("content")]
            .toString(),
        QStringLiteral(R"({"answer": 4})"));

    const QByteArray parts =
        R"([{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":)"
        R"("data:image/png;base64,iVBORw0KGgo=","detail":"low"}}])";
    reply =
        complete(R"({"model":"fake-tools","messages":[{"role":"user","content":)" + parts + "}]}");
    QCOMPARE(reply.status, 200);
    QVERIFY(lastUpstreamBody().contains(parts));
    QCOMPARE(
        reply.json()
            .value(QLatin1String("choices"))[0][QLatin1String("message")][QLatin1String("content")]
            .toString(),
        QStringLiteral("I see 1 image(s)."));
}

void TestOpenAiPassthroughApi::providersRefusalIsRelayedAsItSaidIt_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("message");
    const QByteArray user = R"("messages":[{"role":"user","content":"x"}])";
    QTest::newRow("unknown field") << R"({"model":"fake-tools",)" + user + R"(,"x_unknown":1})"
                                   << "x_unknown"
                                   << "Unrecognized request argument supplied: x_unknown";
    QTest::newRow("malformed tools")
        << R"({"model":"fake-tools",)" + user + R"(,"tools":[{"type":"function"}]})"
        << "tools"
        << "Invalid 'tools': each tool needs type function and a function name (key sk-";
    QTest::newRow("tool result for an unknown call")
        << QByteArray(R"({"model":"fake-tools","messages":[{"role":"user","content":"x"},)"
                      R"({"role":"tool","tool_call_id":"call_nobody","content":"42"}]})")
        << "messages"
        << "Invalid parameter: messages with role 'tool' must be a response to a preceding "
           "message with 'tool_calls'.";
}

void TestOpenAiPassthroughApi::providersRefusalIsRelayedAsItSaidIt()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    QFETCH(QString, message);
    const int errorsBefore = m_chat.ledgerRows(QStringLiteral("error"));
    for (const bool stream : {false, true}) {
        QByteArray sent = body;
        if (stream)
            sent.insert(1, R"("stream":true,)");
        const ApiReply reply = complete(sent);
        QCOMPARE(reply.status, 400);
        const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("param")).toString(), param);
        QCOMPARE(error.value(QLatin1String("type")).toString(),
                 QStringLiteral("invalid_request_error"));
        QVERIFY2(error.value(QLatin1String("message")).toString().startsWith(message),
                 qPrintable(error.value(QLatin1String("message")).toString()));
        QVERIFY(!reply.body.contains(ChatFixture::providerKey.toUtf8()));
    }
    QCOMPARE(m_chat.ledgerRows(QStringLiteral("error")), errorsBefore + 2);
}

void TestOpenAiPassthroughApi::aTwoMegabyteToolCallStreamsWhole()
{
    const int okBefore = m_chat.ledgerRows(QStringLiteral("ok"));
    const QByteArray ask =
        R"({"model":"fake-tool-big","messages":[{"role":"user","content":"Save it"}])";
    const qsizetype length = 9 + 2048 * 1024 + 2; // {"data":"…"}
    ApiReply reply = complete(ask + R"(,"stream":true})");
    QCOMPARE(reply.status, 200);
    const Streamed streamed = collect(reply.body);
    QCOMPARE(streamed.arguments.size(), length);
    QCOMPARE(streamed.finishReason, QStringLiteral("tool_calls"));
    reply = complete(ask + "}");
    QCOMPARE(reply.status, 200);
    const QString arguments =
        reply.json()
            .value(QLatin1String("choices"))[0][QLatin1String("message")][QLatin1String(
                "tool_calls")][0][QLatin1String("function")][QLatin1String("arguments")]
            .toString();
    QCOMPARE(arguments.size(), length);
    QVERIFY(arguments.endsWith(QLatin1String("aaa\"}")));
    QCOMPARE(m_chat.ledgerRows(QStringLiteral("ok")), okBefore + 2);
    // The provider reported no usage: the arguments are what was produced.
    const int estimated =
        dbValue(m_chat.server.config,
                QStringLiteral("SELECT MIN(completion_tokens) FROM usage_ledger WHERE model = ?"),
                {QStringLiteral("fake-tool-big")})
            .toInt();
    QVERIFY2(estimated > 100000, qPrintable(QString::number(estimated)));

    // The tools the caller defined are prompt the provider read: counted in
    // the estimate too.
    const QString tool = QStringLiteral(
        R"({"type":"function","function":{"name":"save_%1","description":"%2",)"
        R"("parameters":{"type":"object","properties":{"data":{"type":"string"}}}}})");
    QStringList tools;
    for (int i = 0; i < 20; ++i)
        tools << tool.arg(i).arg(QStringLiteral("Saves the data it is given. ").repeated(20));
    const QByteArray withTools = R"({"model":"fake-tool-big","tools":[)" +
                                 tools.join(QLatin1Char(',')).toUtf8() +
                                 R"(],"messages":[{"role":"user","content":"Save it"}]})";
    QCOMPARE(complete(withTools).status, 200);
    auto promptTokens = [this](const char *aggregate) {
        return dbValue(m_chat.server.config,
                       QStringLiteral("SELECT %1(prompt_tokens) FROM usage_ledger WHERE model = ?")
                           .arg(QLatin1String(aggregate)),
                       {QStringLiteral("fake-tool-big")})
            .toInt();
    };
    const int without = promptTokens("MIN");
    const int with = promptTokens("MAX");
    // 20 tools of about 600 characters each: thousands of tokens more.
    QVERIFY2(with > without + 2000, qPrintable(QStringLiteral("%1 vs %2").arg(with).arg(without)));
}

void TestOpenAiPassthroughApi::hearthStillChecksWhatItOwns_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    const QByteArray user = R"("messages":[{"role":"user","content":"x"}])";
    QTest::newRow("n=2") << R"({"model":"fake-tools","n":2,)" + user + "}"
                         << "n";
    QTest::newRow("stream as text") << R"({"model":"fake-tools","stream":"yes",)" + user + "}"
                                    << "stream";
    QTest::newRow("unknown role")
        << QByteArray(R"({"model":"fake-tools","messages":[{"role":"wizard","content":"x"}]})")
        << "messages";
    QTest::newRow("content a number")
        << QByteArray(R"({"model":"fake-tools","messages":[{"role":"user","content":5}]})")
        << "messages";
    QTest::newRow("no model") << "{" + user + "}"
                              << "model";
}

void TestOpenAiPassthroughApi::hearthStillChecksWhatItOwns()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    const qsizetype upstreamBefore = m_chat.upstream.received.size();
    const ApiReply reply = complete(body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json()[QLatin1String("error")][QLatin1String("param")].toString(), param);
    QCOMPARE(m_chat.upstream.received.size(), upstreamBefore);
}

QTEST_GUILESS_MAIN(TestOpenAiPassthroughApi)
#include "tst_openai_passthrough_api.moc"
