#include "ApiClient.h"
#include "TestServer.h"

#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

#include <array>

// Every route of the server's route table, called by six principals, with
// the exact status each must get. A route missing from the table below
// fails the test, so a new route cannot ship without its row.
namespace {

enum Principal { Anonymous, UserA, UserB, Admin, Disabled, KeyOfA, PrincipalCount };
const char *const principalNames[] = {"no token", "user A",        "user B",
                                      "admin",    "disabled user", "A's personal key"};

struct Expectation
{
    QByteArray body; // JSON sent with the request ("" for none)
    std::array<int, PrincipalCount> status;
};

// {anonymous, A, B, admin, disabled, A's key}. Path ids name a resource
// made afresh for each call: A's conversation, A's API key, a throwaway
// user, a provider.
const QHash<QByteArray, Expectation> &expectations()
{
    static const QHash<QByteArray, Expectation> table{
        {"GET /health", {"", {200, 200, 200, 200, 200, 200}}},
        {"GET /v1/openapi.json", {"", {200, 200, 200, 200, 200, 200}}},
        {"GET /v1/models", {"", {200, 200, 200, 200, 403, 200}}},
        // The built-in demo model is not offered to OpenAI clients: 404 once
        // past authentication.
        {"POST /v1/chat/completions",
         {R"({"model":"hearth-demo","messages":[{"role":"user","content":"hi"}]})",
          {401, 404, 404, 404, 403, 404}}},
        // Public: the token in the header plays no part.
        {"POST /v1/auth/login",
         {R"({"email":"a@example.com","password":"password-a1"})", {200, 200, 200, 200, 200, 200}}},
        {"POST /v1/auth/refresh", {R"({"refreshToken":"nope"})", {401, 401, 401, 401, 401, 401}}},
        {"POST /v1/auth/logout", {R"({"refreshToken":"nope"})", {204, 204, 204, 204, 204, 204}}},
        {"GET /v1/me", {"", {401, 200, 200, 200, 403, 200}}},
        {"PATCH /v1/me", {R"({"name":"Renamed"})", {401, 200, 200, 200, 403, 200}}},
        // A wrong current password: past authentication, never applied.
        {"POST /v1/me/password",
         {R"({"currentPassword":"wrong-password","newPassword":"another-password-1"})",
          {401, 400, 400, 400, 403, 400}}},
        {"GET /v1/me/usage", {"", {401, 200, 200, 200, 403, 200}}},
        {"GET /v1/me/usage/breakdown", {"", {401, 200, 200, 200, 403, 200}}},
        {"GET /v1/me/usage/records", {"", {401, 200, 200, 200, 403, 200}}},
        {"GET /v1/me/api-keys", {"", {401, 200, 200, 200, 403, 200}}},
        // Managing keys takes a sign-in: a leaked key cannot make more.
        {"POST /v1/me/api-keys", {R"({"name":"more"})", {401, 201, 201, 201, 403, 403}}},
        {"DELETE /v1/me/api-keys/:id", {"", {401, 204, 404, 404, 403, 403}}},
        // Any bytes that are text are a document.
        {"POST /v1/attachments", {R"({"note":"a text file"})", {401, 201, 201, 201, 403, 201}}},
        {"GET /v1/attachments/:id", {"", {401, 200, 404, 404, 403, 200}}},
        {"GET /v1/attachments/:id/content", {"", {401, 200, 404, 404, 403, 200}}},
        {"GET /v1/attachments/:id/thumbnail", {"", {401, 200, 404, 404, 403, 200}}},
        {"DELETE /v1/attachments/:id", {"", {401, 204, 404, 404, 403, 204}}},
        {"GET /v1/conversations", {"", {401, 200, 200, 200, 403, 200}}},
        {"POST /v1/conversations", {R"({"title":"t"})", {401, 201, 201, 201, 403, 201}}},
        {"GET /v1/conversations/:id", {"", {401, 200, 404, 404, 403, 200}}},
        {"PUT /v1/conversations/:id", {R"({"title":"x"})", {401, 200, 404, 404, 403, 200}}},
        {"PATCH /v1/conversations/:id", {R"({"title":"x"})", {401, 200, 404, 404, 403, 200}}},
        {"DELETE /v1/conversations/:id", {"", {401, 204, 404, 404, 403, 204}}},
        {"GET /v1/conversations/:id/messages", {"", {401, 200, 404, 404, 403, 200}}},
        {"POST /v1/conversations/:id/messages",
         {R"({"role":"user","content":"hi","model":"hearth-demo"})",
          {401, 200, 404, 404, 403, 200}}},
        // The body is checked first, the same for every signed-in caller.
        {"POST /v1/conversations/:id/rewind", {"{}", {401, 400, 400, 400, 403, 400}}},
        {"GET /v1/admin/users", {"", {401, 403, 403, 200, 403, 403}}},
        {"POST /v1/admin/users",
         {R"({"email":"new@example.com","password":"password-new1"})",
          {401, 403, 403, 201, 403, 403}}},
        {"GET /v1/admin/users/:id", {"", {401, 403, 403, 200, 403, 403}}},
        {"PATCH /v1/admin/users/:id", {R"({"name":"x"})", {401, 403, 403, 200, 403, 403}}},
        {"DELETE /v1/admin/users/:id", {"", {401, 403, 403, 204, 403, 403}}},
        {"GET /v1/admin/providers", {"", {401, 403, 403, 200, 403, 403}}},
        {"POST /v1/admin/providers",
         {R"({"name":"p2","baseUrl":"http://127.0.0.1:9/v1","apiKey":"sk-x","models":["m"]})",
          {401, 403, 403, 201, 403, 403}}},
        {"GET /v1/admin/providers/:id", {"", {401, 403, 403, 200, 403, 403}}},
        {"PATCH /v1/admin/providers/:id", {R"({"name":"p3"})", {401, 403, 403, 200, 403, 403}}},
        {"DELETE /v1/admin/providers/:id", {"", {401, 403, 403, 204, 403, 403}}},
        {"POST /v1/admin/providers/:id/test", {"{}", {401, 403, 403, 200, 403, 403}}},
        {"POST /v1/admin/providers/test",
         {R"({"baseUrl":"http://127.0.0.1:9/v1"})", {401, 403, 403, 200, 403, 403}}},
        {"GET /v1/admin/usage", {"", {401, 403, 403, 200, 403, 403}}},
        {"GET /v1/admin/usage/records", {"", {401, 403, 403, 200, 403, 403}}},
        {"GET /v1/admin/usage/export", {"", {401, 403, 403, 200, 403, 403}}},
        {"GET /v1/admin/settings", {"", {401, 403, 403, 200, 403, 403}}},
        {"PATCH /v1/admin/settings", {"{}", {401, 403, 403, 200, 403, 403}}},
        {"GET /v1/admin/logs", {"", {401, 403, 403, 200, 403, 403}}},
        {"GET /v1/admin/database/job", {"", {401, 403, 403, 200, 403, 403}}},
        // A finished backup exists (made first, and after every POST).
        {"GET /v1/admin/database/backup", {"", {401, 403, 403, 200, 403, 403}}},
        {"POST /v1/admin/database/backup", {"{}", {401, 403, 403, 202, 403, 403}}},
        {"POST /v1/admin/database/copy", {"{}", {401, 403, 403, 400, 403, 403}}},
    };
    return table;
}

} // namespace

class TestAuthzMatrix final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::array<std::unique_ptr<ApiClient>, PrincipalCount> m_clients;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_userA;
    int m_made = 0;

    std::unique_ptr<ApiClient> signIn(const QString &email, const QString &password)
    {
        auto client = std::make_unique<ApiClient>(m_server.baseUrl());
        client->login(email, password);
        return client;
    }

    // Backup and copy jobs run in the background; the next row must not
    // meet one half done.
    bool databaseJobFinished()
    {
        return QTest::qWaitFor(
            [&] {
                return m_admin->get(QStringLiteral("/v1/admin/database/job"))
                           .json()
                           .value(QLatin1String("state"))
                           .toString() != QLatin1String("running");
            },
            20000);
    }

    static QString idOf(const ApiReply &reply)
    {
        return reply.json().value(QLatin1String("id")).toString();
    }

    // A fresh resource for a path id, so that one principal's DELETE does
    // not change what the next one meets.
    QString freshResource(const QString &pattern)
    {
        const QString n = QString::number(++m_made);
        if (pattern.startsWith(QLatin1String("/v1/conversations/")))
            return m_userA->createConversation();
        if (pattern.startsWith(QLatin1String("/v1/attachments/")))
            return idOf(m_userA->request( // a picture: it has a thumbnail too
                "POST", QStringLiteral("/v1/attachments?name=dot.gif"),
                QByteArray::fromBase64(
                    "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")));
        if (pattern.startsWith(QLatin1String("/v1/me/api-keys/")))
            return idOf(m_userA->post(QStringLiteral("/v1/me/api-keys"),
                                      {{QStringLiteral("name"), QStringLiteral("k") + n}}));
        if (pattern.startsWith(QLatin1String("/v1/admin/users/")))
            return idOf(m_admin->post(
                QStringLiteral("/v1/admin/users"),
                {{QStringLiteral("email"), QStringLiteral("victim%1@example.com").arg(n)},
                 {QStringLiteral("password"), QStringLiteral("password-victim")}}));
        if (pattern.startsWith(QLatin1String("/v1/admin/providers/")))
            return idOf(
                m_admin->post(QStringLiteral("/v1/admin/providers"),
                              {{QStringLiteral("name"), QStringLiteral("provider") + n},
                               {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9/v1")},
                               {QStringLiteral("apiKey"), QStringLiteral("sk-test")},
                               {QStringLiteral("models"), QJsonArray{QStringLiteral("m") + n}}}));
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addUser(QStringLiteral("a@example.com"), QStringLiteral("password-a1")));
        QVERIFY(m_server.addUser(QStringLiteral("b@example.com"), QStringLiteral("password-b1")));
        QVERIFY(m_server.addUser(QStringLiteral("d@example.com"), QStringLiteral("password-d1")));
        m_admin = signIn(TestServer::adminEmail, TestServer::adminPassword);
        m_userA = signIn(QStringLiteral("a@example.com"), QStringLiteral("password-a1"));
        m_clients[Anonymous] = std::make_unique<ApiClient>(m_server.baseUrl());
        m_clients[UserA] = signIn(QStringLiteral("a@example.com"), QStringLiteral("password-a1"));
        m_clients[UserB] = signIn(QStringLiteral("b@example.com"), QStringLiteral("password-b1"));
        m_clients[Admin] = signIn(TestServer::adminEmail, TestServer::adminPassword);
        m_clients[Disabled] =
            signIn(QStringLiteral("d@example.com"), QStringLiteral("password-d1"));
        const QString disabledId = idOf(m_clients[Disabled]->get(QStringLiteral("/v1/me")));
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/v1/admin/users/") + disabledId,
                             {{QStringLiteral("disabled"), true}})
                     .status,
                 200);
        const ApiReply key = m_userA->post(QStringLiteral("/v1/me/api-keys"),
                                           {{QStringLiteral("name"), QStringLiteral("scripts")}});
        QCOMPARE(key.status, 201);
        m_clients[KeyOfA] = std::make_unique<ApiClient>(m_server.baseUrl());
        m_clients[KeyOfA]->token = key.json().value(QLatin1String("key")).toString();
        QVERIFY(m_clients[KeyOfA]->token.startsWith(QLatin1String("hk-")));
        QCOMPARE(m_admin->post(QStringLiteral("/v1/admin/database/backup"), {}).status, 202);
        QVERIFY(databaseJobFinished());
    }

    void everyRouteHasARow()
    {
        QStringList missing;
        int routes = 0;
        for (const QString &route : m_server.routes()) {
            if (route.startsWith(QLatin1String("OPTIONS ")))
                continue;
            ++routes;
            if (!expectations().contains(route.toLatin1()))
                missing << route;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        QVERIFY(routes >= 40);
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<int>("principal");
        for (const QString &route : m_server.routes()) {
            if (route.startsWith(QLatin1String("OPTIONS ")) ||
                !expectations().contains(route.toLatin1()))
                continue;
            for (int p = 0; p < PrincipalCount; ++p)
                QTest::addRow("%s, %s", qPrintable(route), principalNames[p]) << route << p;
        }
    }
    void matrix()
    {
        QFETCH(QString, route);
        QFETCH(int, principal);
        const Expectation expected = expectations().value(route.toLatin1());
        const QByteArray method = route.section(u' ', 0, 0).toLatin1();
        QString path = route.section(u' ', 1);
        static const QRegularExpression param(QStringLiteral(":[a-zA-Z]+"));
        if (path.contains(param)) {
            const QString id = freshResource(path);
            QVERIFY2(!id.isEmpty(), "could not make the resource");
            path.replace(param, id);
        }
        const ApiReply reply = m_clients[principal]->request(
            method, path, expected.body,
            expected.body.isEmpty()
                ? QList<QPair<QByteArray, QByteArray>>{}
                : QList<QPair<QByteArray, QByteArray>>{{"Content-Type", "application/json"}});
        if (route.startsWith(QLatin1String("POST /v1/admin/database/")))
            QVERIFY(databaseJobFinished());
        QVERIFY2(reply.status == expected.status[principal],
                 qPrintable(QStringLiteral("%1 for %2: got %3, expected %4: %5")
                                .arg(route, QLatin1String(principalNames[principal]))
                                .arg(reply.status)
                                .arg(expected.status[principal])
                                .arg(QString::fromUtf8(reply.body.left(200)))));
    }
};

QTEST_GUILESS_MAIN(TestAuthzMatrix)
#include "tst_authz_matrix.moc"
