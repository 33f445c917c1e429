#include "ChatFixture.h"

#include <QtTest/QTest>

// A provider that fails — an error status, silence, a redirect, a broken
// stream, a dropped connection — is a clear error for the client, its key
// never shown, and what was already said is kept.
class TestProviderFailuresApi final : public QObject
{
    Q_OBJECT
    ChatFixture m_chat;
    FakeUpstream &m_upstream = m_chat.upstream;
    std::unique_ptr<ApiClient> &m_client = m_chat.client;

private slots:
    void initTestCase() { QVERIFY(m_chat.start()); }

    void providerErrorIsRelayedWithoutTheKey()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_client->post(
            ApiClient::messagesPath(conversation),
            ApiClient::userMessage(QStringLiteral("fail"), QStringLiteral("fake-error")));
        QCOMPARE(reply.status, 502);
        QCOMPARE(reply.code(), QStringLiteral("UPSTREAM_ERROR"));
        const QString error = reply.json().value(QLatin1String("error")).toString();
        QVERIFY2(error.contains(QLatin1String("Incorrect API key")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("500")), qPrintable(error));
        QVERIFY2(!reply.body.contains("abcdef1234567890"), reply.body.constData());
        // The user's message is kept; no empty reply is.
        const QJsonArray stored = m_chat.history(conversation);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("fail"));
    }

    void providerErrorDuringAStreamIsAnErrorEvent()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_client->post(
            ApiClient::messagesPath(conversation),
            ApiClient::userMessage(QStringLiteral("fail"), QStringLiteral("fake-error"), true));
        QCOMPARE(reply.status, 200);
        const QList<SseBlock> events = parseSseBlocks(reply.body);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].event, QStringLiteral("message.created"));
        QCOMPARE(events[1].event, QStringLiteral("error"));
        QCOMPARE(events[1].data.value(QLatin1String("code")).toString(),
                 QStringLiteral("UPSTREAM_ERROR"));
        QVERIFY(!reply.body.contains("abcdef1234567890"));
    }

    void aSilentProviderTimesOut()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_client->post(
            ApiClient::messagesPath(conversation),
            ApiClient::userMessage(QStringLiteral("hello?"), QStringLiteral("fake-hang")));
        QCOMPARE(reply.status, 504);
        QCOMPARE(reply.code(), QStringLiteral("UPSTREAM_TIMEOUT"));
        // The first-byte wait (a second here; the connect wait is five).
        const QString error = reply.json().value(QLatin1String("error")).toString();
        QVERIFY2(error.contains(QLatin1String("did not start answering")), qPrintable(error));
    }

    void redirectsAreNeverFollowed()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_client->post(
            ApiClient::messagesPath(conversation),
            ApiClient::userMessage(QStringLiteral("hi"), QStringLiteral("fake-redirect")));
        QCOMPARE(reply.status, 502);
        QVERIFY(reply.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("redirect")));
        QCOMPARE(m_upstream.stolenRequests, 0);
    }

    void malformedStreamIsAnUpstreamError()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_client->post(
            ApiClient::messagesPath(conversation),
            ApiClient::userMessage(QStringLiteral("hi"), QStringLiteral("fake-malformed")));
        QCOMPARE(reply.status, 502);
        QVERIFY(reply.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("malformed")));
    }

    void upstreamDroppingMidReplyKeepsThePartialText()
    {
        const QString conversation = m_chat.newConversation();
        const ApiReply reply = m_client->post(
            ApiClient::messagesPath(conversation),
            ApiClient::userMessage(QStringLiteral("hi"), QStringLiteral("fake-midfail"), true));
        QCOMPARE(reply.status, 200);
        const QList<SseBlock> events = parseSseBlocks(reply.body);
        QCOMPARE(events.last().event, QStringLiteral("error"));
        QCOMPARE(events[1].data.value(QLatin1String("delta")).toString(),
                 QStringLiteral("Partial "));
        const QJsonArray stored = m_chat.history(conversation);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored[1].toObject().value(QLatin1String("finishReason")).toString(),
                 QStringLiteral("error"));
        QCOMPARE(stored[1].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("Partial "));
    }
};

QTEST_GUILESS_MAIN(TestProviderFailuresApi)
#include "tst_provider_failures_api.moc"
