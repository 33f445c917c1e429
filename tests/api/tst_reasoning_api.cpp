// Reasoning models through Hearth: their thinking streamed and stored apart
// from the answer, in all three forms providers send it, never sent back
// upstream, counted in the ledger; and turns that alternate.
#include "ChatFixture.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

namespace {

struct Streamed
{
    QString reasoning;
    QString content;
    QStringList order; // event names, repeats folded
    QJsonObject done;  // message.done's message
};

Streamed collect(const QList<SseBlock> &events)
{
    Streamed result;
    for (const SseBlock &block : events) {
        if (result.order.isEmpty() || result.order.last() != block.event)
            result.order << block.event;
        if (block.event == QLatin1String("message.reasoning"))
            result.reasoning += block.data.value(QLatin1String("delta")).toString();
        else if (block.event == QLatin1String("message.delta"))
            result.content += block.data.value(QLatin1String("delta")).toString();
        else if (block.event == QLatin1String("message.done"))
            result.done = block.data.value(QLatin1String("message")).toObject();
    }
    return result;
}

} // namespace

class TestReasoningApi final : public QObject
{
    Q_OBJECT
    ChatFixture m_chat;

    ApiReply streamTo(const QString &conversation, const QString &model, const QString &content)
    {
        return m_chat.client->request(
            "POST", ApiClient::messagesPath(conversation),
            QJsonDocument(ApiClient::userMessage(content, model, true)).toJson(),
            {{"Content-Type", "application/json"}});
    }

    // The messages of the newest request the provider received.
    QJsonArray lastUpstreamMessages() const
    {
        return m_chat.upstream.received.last().body.value(QLatin1String("messages")).toArray();
    }

private slots:
    void initTestCase() { QVERIFY(m_chat.start()); }

    void reasoningStreamsApartFromTheAnswer_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("reasoning");
        QTest::addColumn<QString>("content");
        QTest::newRow("reasoning_content (DeepSeek)") << "fake-reasoner"
                                                      << "Two and two make four."
                                                      << "Four.";
        QTest::newRow("<think> in the content") << "fake-think"
                                                << "Counting."
                                                << "Three.";
        QTest::newRow("reasoning field") << "fake-reasoning-field"
                                         << "Hmm."
                                         << "Yes.";
    }

    void reasoningStreamsApartFromTheAnswer()
    {
        QFETCH(QString, model);
        QFETCH(QString, reasoning);
        QFETCH(QString, content);
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = streamTo(conversation, model, QStringLiteral("Think first"));
        QCOMPARE(reply.status, 200);
        const Streamed streamed = collect(parseSseBlocks(reply.body));
        QCOMPARE(
            streamed.order,
            (QStringList{QStringLiteral("message.created"), QStringLiteral("message.reasoning"),
                         QStringLiteral("message.delta"), QStringLiteral("message.done")}));
        QCOMPARE(streamed.reasoning, reasoning);
        QCOMPARE(streamed.content, content);
        QCOMPARE(streamed.done.value(QLatin1String("content")).toString(), content);
        QCOMPARE(streamed.done.value(QLatin1String("reasoning")).toString(), reasoning);
        QVERIFY(streamed.done.value(QLatin1String("reasoningMs")).toDouble() >= 1);

        // Stored apart: the history reads the same.
        const QJsonObject stored = m_chat.history(conversation).last().toObject();
        QCOMPARE(stored.value(QLatin1String("content")).toString(), content);
        QCOMPARE(stored.value(QLatin1String("reasoning")).toString(), reasoning);
        QCOMPARE(stored.value(QLatin1String("reasoningMs")),
                 streamed.done.value(QLatin1String("reasoningMs")));
    }

    void synchronousRepliesCarryTheReasoning()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_chat.client->sendMessage(conversation, QStringLiteral("2+2?"),
                                                          QStringLiteral("fake-reasoner"));
        QCOMPARE(reply.status, 200);
        const QJsonObject message = reply.json().value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("content")).toString(), QStringLiteral("Four."));
        QCOMPARE(message.value(QLatin1String("reasoning")).toString(),
                 QStringLiteral("Two and two make four."));
        // The provider's own count of reasoning tokens.
        QCOMPARE(message.value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("reasoningTokens"))
                     .toInt(),
                 5);
    }

    void repliesWithoutReasoningKeepTheOriginalShape()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_chat.client->sendMessage(conversation, QStringLiteral("Hi"),
                                                          QStringLiteral("fake-stream"));
        const QJsonObject message = reply.json().value(QLatin1String("message")).toObject();
        QVERIFY(!message.contains(QLatin1String("reasoning")));
        QVERIFY(!message.contains(QLatin1String("reasoningMs")));
    }

    void reasoningIsNeverSentBack()
    {
        const QString conversation = m_chat.newConversation();
        QCOMPARE(
            streamTo(conversation, QStringLiteral("fake-think"), QStringLiteral("1+2?")).status,
            200);
        QCOMPARE(m_chat.client
                     ->sendMessage(conversation, QStringLiteral("And 2+2?"),
                                   QStringLiteral("fake-reasoner"))
                     .status,
                 200);
        const QJsonArray sent = lastUpstreamMessages();
        QCOMPARE(sent.size(), 3);
        const QJsonObject answer = sent.at(1).toObject();
        QCOMPARE(answer.value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(answer.value(QLatin1String("content")).toString(), QStringLiteral("Three."));
        for (const QJsonValue &message : sent) {
            QVERIFY(!message.toObject().contains(QLatin1String("reasoning_content")));
            QVERIFY(!message.toObject()
                         .value(QLatin1String("content"))
                         .toString()
                         .contains(QLatin1String("Counting")));
        }
    }

    void turnsAlternateAfterAFailedReply()
    {
        const QString conversation = m_chat.newConversation();
        // The provider fails before saying anything: the reply is not kept.
        QCOMPARE(m_chat.client
                     ->sendMessage(conversation, QStringLiteral("First try"),
                                   QStringLiteral("fake-error"))
                     .status,
                 502);
        QCOMPARE(m_chat.client
                     ->sendMessage(conversation, QStringLiteral("Second try"),
                                   QStringLiteral("fake-reasoner"))
                     .status,
                 200);
        const QJsonArray sent = lastUpstreamMessages();
        QCOMPARE(sent.size(), 1);
        const QJsonObject question = sent.first().toObject();
        QCOMPARE(question.value(QLatin1String("role")).toString(), QStringLiteral("user"));
        QCOMPARE(question.value(QLatin1String("content")).toString(),
                 QStringLiteral("First try\n\nSecond try"));
    }

    void theLedgerCountsReasoningTokens()
    {
        const QString conversation = m_chat.newConversation();
        QCOMPARE(
            streamTo(conversation, QStringLiteral("fake-reasoner"), QStringLiteral("Count")).status,
            200);
        QCOMPARE(
            streamTo(conversation, QStringLiteral("fake-think"), QStringLiteral("Again")).status,
            200);
        const QJsonArray records =
            m_chat.client->get(QStringLiteral("/v1/me/usage/records?limit=2")).array();
        QCOMPARE(records.size(), 2);
        // Newest first: fake-think reports no reasoning share, so it is estimated.
        const QJsonObject think = records.at(0).toObject();
        QCOMPARE(think.value(QLatin1String("model")).toString(), QStringLiteral("fake-think"));
        QVERIFY(think.value(QLatin1String("reasoningTokens")).toInt() > 0);
        QVERIFY(think.value(QLatin1String("reasoningTokens")).toInt() <=
                think.value(QLatin1String("completionTokens")).toInt());
        const QJsonObject reasoner = records.at(1).toObject();
        QCOMPARE(reasoner.value(QLatin1String("reasoningTokens")).toInt(), 5);
    }

    void chatCompletionsStreamReasoningContent()
    {
        const QJsonObject body{
            {QStringLiteral("model"), QStringLiteral("fake-think")},
            {QStringLiteral("stream"), true},
            {QStringLiteral("messages"),
             QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), QStringLiteral("1+2?")}}}}};
        const ApiReply reply = m_chat.client->post(QStringLiteral("/v1/chat/completions"), body);
        QCOMPARE(reply.status, 200);
        QString reasoning;
        QString content;
        for (const QByteArray &line : reply.body.split('\n')) {
            if (!line.startsWith("data: {"))
                continue;
            const QJsonObject delta = QJsonDocument::fromJson(line.mid(6))
                                          .object()
                                          .value(QLatin1String("choices"))
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(QLatin1String("delta"))
                                          .toObject();
            reasoning += delta.value(QLatin1String("reasoning_content")).toString();
            content += delta.value(QLatin1String("content")).toString();
        }
        QCOMPARE(reasoning, QStringLiteral("Counting."));
        QCOMPARE(content, QStringLiteral("Three."));
    }

    void chatCompletionsAnswerWithReasoningContent()
    {
        const QJsonObject body{
            {QStringLiteral("model"), QStringLiteral("fake-reasoner")},
            {QStringLiteral("messages"),
             QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), QStringLiteral("2+2?")}}}}};
        const ApiReply reply = m_chat.client->post(QStringLiteral("/v1/chat/completions"), body);
        QCOMPARE(reply.status, 200);
        const QJsonObject message = reply.json()
                                        .value(QLatin1String("choices"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QLatin1String("message"))
                                        .toObject();
        QCOMPARE(message.value(QLatin1String("content")).toString(), QStringLiteral("Four."));
        QCOMPARE(message.value(QLatin1String("reasoning_content")).toString(),
                 QStringLiteral("Two and two make four."));
        QCOMPARE(reply.json()
                     .value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("completion_tokens_details"))
                     .toObject()
                     .value(QLatin1String("reasoning_tokens"))
                     .toInt(),
                 5);
    }
};

QTEST_GUILESS_MAIN(TestReasoningApi)
#include "tst_reasoning_api.moc"
