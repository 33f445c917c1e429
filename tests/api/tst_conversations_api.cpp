#include "ApiClient.h"
#include "TestServer.h"

#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

namespace {
QString nextLinkPath(const ApiReply &reply)
{
    static const QRegularExpression link(QStringLiteral("<([^>]+)>;\\s*rel=\"next\""));
    const auto match = link.match(QString::fromUtf8(reply.header("Link")));
    return match.hasMatch() ? match.captured(1) : QString();
}
QStringList errorsOf(const ApiReply &reply)
{
    QStringList list;
    for (const QJsonValue &v : reply.json()
                                   .value(QLatin1String("details"))
                                   .toObject()
                                   .value(QLatin1String("errors"))
                                   .toArray())
        list << v.toString();
    return list;
}
} // namespace

class TestConversationsApi final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<ApiClient> m_alice;
    std::unique_ptr<ApiClient> m_bob;

    QString create(ApiClient &client, const QString &title)
    {
        const ApiReply reply =
            client.post(QStringLiteral("/v1/conversations"), {{QStringLiteral("title"), title}});
        return reply.json().value(QLatin1String("id")).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addUser(QStringLiteral("alice@example.com"),
                                 QStringLiteral("alice-password")));
        QVERIFY(
            m_server.addUser(QStringLiteral("bob@example.com"), QStringLiteral("bob-password")));
        m_alice = std::make_unique<ApiClient>(m_server.baseUrl());
        m_alice->login(QStringLiteral("alice@example.com"), QStringLiteral("alice-password"));
        m_bob = std::make_unique<ApiClient>(m_server.baseUrl());
        m_bob->login(QStringLiteral("bob@example.com"), QStringLiteral("bob-password"));
        QVERIFY(!m_alice->token.isEmpty() && !m_bob->token.isEmpty());
    }

    void createReturnsTheWholeConversation()
    {
        const QJsonObject metadata{
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("工作"), QStringLiteral("重要")}}};
        const ApiReply reply =
            m_alice->post(QStringLiteral("/v1/conversations"),
                          {{QStringLiteral("title"), QStringLiteral("  我的对话 ")},
                           {QStringLiteral("metadata"), metadata},
                           {QStringLiteral("model"), QStringLiteral("gpt-4")},
                           {QStringLiteral("systemPrompt"), QStringLiteral("Be brief.")}});
        QCOMPARE(reply.status, 201);
        const QJsonObject c = reply.json();
        QCOMPARE(c.value(QLatin1String("title")).toString(), QStringLiteral("我的对话"));
        QCOMPARE(c.value(QLatin1String("metadata")).toObject(), metadata);
        QCOMPARE(c.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4"));
        QCOMPARE(c.value(QLatin1String("systemPrompt")).toString(), QStringLiteral("Be brief."));
        QCOMPARE(c.value(QLatin1String("messageCount")).toInt(), 0);
        QCOMPARE(c.value(QLatin1String("pinned")).toBool(), false);
        QCOMPARE(c.value(QLatin1String("archived")).toBool(), false);
        QVERIFY(c.value(QLatin1String("createdAt")).toString().endsWith(u'Z'));
        QCOMPARE(c.value(QLatin1String("createdAt")), c.value(QLatin1String("updatedAt")));
        const QString id = c.value(QLatin1String("id")).toString();
        QCOMPARE(id.size(), 36); // a UUID, not a counter
        QCOMPARE(reply.header("Location"), (QStringLiteral("/v1/conversations/") + id).toUtf8());

        const ApiReply got = m_alice->get(QStringLiteral("/v1/conversations/") + id);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json(), c);
    }

    void createValidation()
    {
        ApiReply reply = m_alice->post(QStringLiteral("/v1/conversations"), QJsonObject{});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(errorsOf(reply), QStringList{QStringLiteral("title is required")});

        reply = m_alice->post(QStringLiteral("/v1/conversations"),
                              {{QStringLiteral("title"), QString(201, u'x')},
                               {QStringLiteral("metadata"), QStringLiteral("tags")},
                               {QStringLiteral("pinned"), QStringLiteral("yes")}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(errorsOf(reply).size(), 3);

        reply = m_alice->post(QStringLiteral("/v1/conversations"),
                              {{QStringLiteral("title"), QString(200, u'字')}});
        QCOMPARE(reply.status, 201);
    }

    void needsAToken()
    {
        ApiClient anonymous(m_server.baseUrl());
        QCOMPARE(anonymous.get(QStringLiteral("/v1/conversations")).status, 401);
        QCOMPARE(anonymous
                     .post(QStringLiteral("/v1/conversations"),
                           {{QStringLiteral("title"), QStringLiteral("x")}})
                     .status,
                 401);
    }

    void anotherUsersConversationIsNotFound()
    {
        const QString id = create(*m_alice, QStringLiteral("private"));
        const QString path = QStringLiteral("/v1/conversations/") + id;
        QCOMPARE(m_bob->get(path).status, 404);
        QCOMPARE(m_bob->get(path).code(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(m_bob->patch(path, {{QStringLiteral("title"), QStringLiteral("mine now")}}).status,
                 404);
        QCOMPARE(m_bob->del(path).status, 404);
        QCOMPARE(m_bob->get(path + QStringLiteral("/messages")).status, 404);
        QCOMPARE(m_bob
                     ->post(path + QStringLiteral("/messages"),
                            {{QStringLiteral("role"), QStringLiteral("user")},
                             {QStringLiteral("content"), QStringLiteral("hi")}})
                     .status,
                 404);
        // Still intact for its owner.
        const ApiReply own = m_alice->get(path);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json().value(QLatin1String("title")).toString(), QStringLiteral("private"));
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations/no-such-id")).status, 404);
    }

    void listIsABareArrayPagedWithLink()
    {
        ApiClient carol(m_server.baseUrl());
        QVERIFY(m_server.addUser(QStringLiteral("carol@example.com"),
                                 QStringLiteral("carol-password")));
        carol.login(QStringLiteral("carol@example.com"), QStringLiteral("carol-password"));
        QStringList created;
        for (int i = 0; i < 5; ++i)
            created.prepend(create(carol, QStringLiteral("conversation %1").arg(i)));

        QStringList seen;
        QString path = QStringLiteral("/v1/conversations?limit=2");
        int pages = 0;
        while (!path.isEmpty()) {
            const ApiReply reply = carol.get(path);
            QCOMPARE(reply.status, 200);
            QVERIFY(QJsonDocument::fromJson(reply.body).isArray());
            const QJsonArray page = reply.array();
            QVERIFY(page.size() <= 2);
            for (const QJsonValue &c : page)
                seen << c.toObject().value(QLatin1String("id")).toString();
            path = nextLinkPath(reply);
            ++pages;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen, created); // newest first, each exactly once

        const ApiReply all = carol.get(QStringLiteral("/v1/conversations"));
        QCOMPARE(all.array().size(), 5);
        QVERIFY(all.header("Link").isEmpty());
    }

    void listQueryValidation()
    {
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations?limit=0")).status, 400);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations?limit=abc")).status, 400);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations?limit=101")).status, 400);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations?before=garbage!")).status, 400);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations?archived=maybe")).status, 400);
    }

    void updatingMovesAConversationToTheTop()
    {
        const QString older = create(*m_alice, QStringLiteral("older"));
        create(*m_alice, QStringLiteral("newer"));
        const ApiReply patched =
            m_alice->patch(QStringLiteral("/v1/conversations/") + older,
                           {{QStringLiteral("title"), QStringLiteral("renamed")},
                            {QStringLiteral("pinned"), true}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(QLatin1String("title")).toString(),
                 QStringLiteral("renamed"));
        QCOMPARE(patched.json().value(QLatin1String("pinned")).toBool(), true);
        QVERIFY(patched.json().value(QLatin1String("updatedAt")).toString() >
                patched.json().value(QLatin1String("createdAt")).toString());
        const QJsonArray list = m_alice->get(QStringLiteral("/v1/conversations")).array();
        QCOMPARE(list.first().toObject().value(QLatin1String("id")).toString(), older);
    }

    void putUpdatesToo()
    {
        const QString id = create(*m_alice, QStringLiteral("put me"));
        const ApiReply reply =
            m_alice->request("PUT", QStringLiteral("/v1/conversations/") + id,
                             R"({"systemPrompt":"You are a poet.","metadata":{"a":1}})",
                             {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("systemPrompt")).toString(),
                 QStringLiteral("You are a poet."));
        QCOMPARE(reply.json().value(QLatin1String("title")).toString(), QStringLiteral("put me"));
    }

    void updateValidation()
    {
        const QString id = create(*m_alice, QStringLiteral("valid"));
        const ApiReply reply =
            m_alice->patch(QStringLiteral("/v1/conversations/") + id,
                           {{QStringLiteral("title"), QString()}, {QStringLiteral("archived"), 1}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(errorsOf(reply).size(), 2);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations/") + id)
                     .json()
                     .value(QLatin1String("title"))
                     .toString(),
                 QStringLiteral("valid"));
        QCOMPARE(m_alice
                     ->request("PATCH", QStringLiteral("/v1/conversations/") + id, "{oops",
                               {{"Content-Type", "application/json"}})
                     .code(),
                 QStringLiteral("INVALID_JSON"));
    }

    void archivedConversationsAreListedApart()
    {
        ApiClient frank(m_server.baseUrl());
        QVERIFY(m_server.addUser(QStringLiteral("frank@example.com"),
                                 QStringLiteral("frank-password")));
        frank.login(QStringLiteral("frank@example.com"), QStringLiteral("frank-password"));
        const QString kept = create(frank, QStringLiteral("kept"));
        const QString archived = create(frank, QStringLiteral("archived"));
        QCOMPARE(frank
                     .patch(QStringLiteral("/v1/conversations/") + archived,
                            {{QStringLiteral("archived"), true}})
                     .status,
                 200);
        QJsonArray list = frank.get(QStringLiteral("/v1/conversations")).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QLatin1String("id")).toString(), kept);
        list = frank.get(QStringLiteral("/v1/conversations?archived=true")).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QLatin1String("id")).toString(), archived);
    }

    void searchByTitle()
    {
        ApiClient gina(m_server.baseUrl());
        QVERIFY(
            m_server.addUser(QStringLiteral("gina@example.com"), QStringLiteral("gina-password")));
        gina.login(QStringLiteral("gina@example.com"), QStringLiteral("gina-password"));
        create(gina, QStringLiteral("Trip to Kyoto"));
        create(gina, QStringLiteral("学习 Python"));
        create(gina, QStringLiteral("Groceries"));
        QCOMPARE(gina.get(QStringLiteral("/v1/conversations?q=kyoto")).array().size(), 1);
        QCOMPARE(gina.get(QStringLiteral("/v1/conversations?q=%E5%AD%A6%E4%B9%A0")).array().size(),
                 1);
        QCOMPARE(gina.get(QStringLiteral("/v1/conversations?q=nothing")).array().size(), 0);
    }

    // Four-byte UTF-8 (emoji) is what MySQL's old "utf8" loses; every
    // backend must give back exactly what was stored, and search by it.
    void chineseAndEmojiRoundTrip()
    {
        const QString title = QStringLiteral("周末露营 🏕️🔥 and 100% _done_");
        const QString id = create(*m_alice, title);
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations/") + id)
                     .json()
                     .value(QLatin1String("title"))
                     .toString(),
                 title);
        const QJsonArray found =
            m_alice->get(QStringLiteral("/v1/conversations?q=%F0%9F%94%A5")).array(); // 🔥
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].toObject().value(QLatin1String("id")).toString(), id);
        // LIKE wildcards in the query are plain characters.
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations?q=100%25%20_")).array().size(), 1);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations?q=1_0")).array().size(), 0);
    }

    void deleteRemovesIt()
    {
        const QString id = create(*m_alice, QStringLiteral("doomed"));
        const ApiReply reply = m_alice->del(QStringLiteral("/v1/conversations/") + id);
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(m_alice->get(QStringLiteral("/v1/conversations/") + id).status, 404);
        QCOMPARE(m_alice->del(QStringLiteral("/v1/conversations/") + id).status, 404);
    }

    void messagesOfANewConversationAreEmpty()
    {
        const QString id = create(*m_alice, QStringLiteral("empty"));
        const ApiReply reply =
            m_alice->get(QStringLiteral("/v1/conversations/") + id + QStringLiteral("/messages"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.array().size(), 0);
        const ApiReply with = m_alice->get(QStringLiteral("/v1/conversations/") + id +
                                           QStringLiteral("?include=messages"));
        QCOMPARE(with.json().value(QLatin1String("messages")).toArray().size(), 0);
        QCOMPARE(m_alice
                     ->get(QStringLiteral("/v1/conversations/") + id +
                           QStringLiteral("/messages?limit=501"))
                     .status,
                 400);
    }
};

QTEST_GUILESS_MAIN(TestConversationsApi)
#include "tst_conversations_api.moc"
