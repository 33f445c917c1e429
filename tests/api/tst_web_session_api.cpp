#include "ApiClient.h"
#include "RawClient.h"
#include "TestServer.h"

#include <QtCore/QUrl>
#include <QtTest/QTest>

namespace {

// One raw exchange, so that Host, Origin and Cookie are exactly what a
// browser (or an attacker) would send.
struct Exchange
{
    int status = 0;
    QByteArray head, body;
    QByteArray setCookie() const
    {
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("set-cookie:"))
                return line.mid(11).trimmed();
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// The refresh token a Set-Cookie carries.
QByteArray cookieToken(const QByteArray &setCookie)
{
    const QByteArray pair = setCookie.split(';').first();
    return pair.mid(pair.indexOf('=') + 1);
}

} // namespace

// The web client's session: the refresh token in an HttpOnly cookie that
// page scripts never see, used only from Hearth's own page.
class TestWebSessionApi final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    quint16 m_port = 0;
    QByteArray m_origin;

    Exchange exchange(const QByteArray &path, const QByteArray &body,
                      const QList<QPair<QByteArray, QByteArray>> &headers, quint16 port = 0)
    {
        RawClient client(port ? port : m_port);
        if (!client.connected())
            return {};
        QByteArray request = "POST " + path + " HTTP/1.1\r\nConnection: close\r\n";
        bool hostGiven = false;
        for (const auto &[name, value] : headers) {
            request += name + ": " + value + "\r\n";
            hostGiven |= name.toLower() == "host";
        }
        if (!hostGiven)
            request += "Host: 127.0.0.1:" + QByteArray::number(port ? port : m_port) + "\r\n";
        request +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n\r\n" + body;
        client.send(request);
        client.waitForClose();
        Exchange out;
        const qsizetype end = client.received.indexOf("\r\n\r\n");
        out.head = client.received.left(end);
        out.body = client.received.mid(end + 4);
        if (out.head.contains("Transfer-Encoding: chunked"))
            out.body = out.body.mid(out.body.indexOf("\r\n") + 2).split('\r').first();
        out.status = out.head.mid(9, 3).toInt();
        return out;
    }
    static QByteArray credentials()
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("email"), TestServer::adminEmail},
                                         {QStringLiteral("password"), TestServer::adminPassword}})
            .toJson(QJsonDocument::Compact);
    }
    Exchange cookieLogin(quint16 port = 0, const QByteArray &host = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"X-Hearth-Session", "cookie"}};
        if (!host.isEmpty())
            headers.append({"Host", host});
        return exchange("/v1/auth/login", credentials(), headers, port);
    }
    Exchange cookieCall(const QByteArray &path, const QByteArray &token, const QByteArray &origin)
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"X-Hearth-Session", "cookie"}};
        if (!token.isNull())
            headers.append({"Cookie", "theme=dark; hearth_refresh=" + token + "; other=1"});
        if (!origin.isNull())
            headers.append({"Origin", origin});
        return exchange(path, QByteArray(), headers);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_port = quint16(QUrl(m_server.baseUrl()).port());
        m_origin = "http://127.0.0.1:" + QByteArray::number(m_port);
    }

    void theRefreshTokenGoesIntoAnHttpOnlyCookie()
    {
        const Exchange login = cookieLogin();
        QCOMPARE(login.status, 200);
        const QJsonObject body = login.json();
        QVERIFY(!body.value(QLatin1String("accessToken")).toString().isEmpty());
        QVERIFY(!body.contains(QLatin1String("refreshToken")));
        QVERIFY(!body.contains(QLatin1String("refresh_token")));
        QCOMPARE(body.value(QLatin1String("refreshCookie")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("email")),
                 TestServer::adminEmail);
        const QByteArray cookie = login.setCookie();
        QVERIFY2(cookie.startsWith("hearth_refresh="), cookie);
        QVERIFY(cookie.contains("; Path=/v1/auth"));
        QVERIFY(cookie.contains("; HttpOnly"));
        QVERIFY(cookie.contains("; SameSite=Strict"));
        QVERIFY(cookie.contains("; Max-Age=604800"));
        // Plain HTTP to this same machine: allowed, and not marked Secure,
        // which a browser would refuse over http.
        QVERIFY(!cookie.contains("Secure"));
        QVERIFY(!body.value(QLatin1String("accessToken"))
                     .toString()
                     .contains(QString::fromLatin1(cookieToken(cookie))));
    }

    void aClientWithoutTheHeaderStillGetsTheTokenInTheBody()
    {
        ApiClient api(m_server.baseUrl());
        const QJsonObject login = api.login(TestServer::adminEmail, TestServer::adminPassword);
        QVERIFY(!login.value(QLatin1String("refreshToken")).toString().isEmpty());
    }

    void theCookieRefreshesAndRotates()
    {
        const QByteArray first = cookieToken(cookieLogin().setCookie());
        const Exchange refreshed = cookieCall("/v1/auth/refresh", first, m_origin);
        QCOMPARE(refreshed.status, 200);
        QVERIFY(!refreshed.json().value(QLatin1String("accessToken")).toString().isEmpty());
        QVERIFY(!refreshed.json().contains(QLatin1String("refreshToken")));
        QVERIFY(!refreshed.json().contains(QLatin1String("refresh_token")));
        const QByteArray second = cookieToken(refreshed.setCookie());
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
        // The stolen old cookie replayed: the whole login is revoked.
        QCOMPARE(cookieCall("/v1/auth/refresh", first, m_origin).status, 401);
        QCOMPARE(cookieCall("/v1/auth/refresh", second, m_origin).status, 401);
    }

    void anotherPageCannotUseTheCookie()
    {
        const QByteArray token = cookieToken(cookieLogin().setCookie());
        const Exchange foreign = cookieCall("/v1/auth/refresh", token, "http://evil.example");
        QCOMPARE(foreign.status, 403);
        QCOMPARE(foreign.json().value(QLatin1String("code")).toString(),
                 QStringLiteral("FORBIDDEN"));
        QVERIFY(foreign.setCookie().isEmpty());
        QCOMPARE(cookieCall("/v1/auth/refresh", token, QByteArray()).status, 403);
        QCOMPARE(cookieCall("/v1/auth/logout", token, "null").status, 403);
        // Same host, other scheme or port: another origin too.
        QCOMPARE(
            cookieCall("/v1/auth/refresh", token, "https://127.0.0.1:" + QByteArray::number(m_port))
                .status,
            403);
        QCOMPARE(cookieCall("/v1/auth/refresh", token, "http://127.0.0.1:1").status, 403);
        // None of those spent the token.
        QCOMPARE(cookieCall("/v1/auth/refresh", token, m_origin).status, 200);
    }

    void noCookieMeansNotSignedIn()
    {
        const Exchange none = cookieCall("/v1/auth/refresh", QByteArray(), m_origin);
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json().value(QLatin1String("error")).toString(),
                 QStringLiteral("Not signed in"));
        QCOMPARE(cookieCall("/v1/auth/refresh", "forged", m_origin).status, 401);
    }

    void signingOutRevokesAndClearsTheCookie()
    {
        const QByteArray token = cookieToken(cookieLogin().setCookie());
        const Exchange out = cookieCall("/v1/auth/logout", token, m_origin);
        QCOMPARE(out.status, 204);
        QVERIFY2(out.setCookie().startsWith("hearth_refresh=; Max-Age=0; Path=/v1/auth"),
                 out.setCookie());
        QCOMPARE(cookieCall("/v1/auth/refresh", token, m_origin).status, 401);
        // Signing out twice, or with no cookie, still clears it.
        QCOMPARE(cookieCall("/v1/auth/logout", token, m_origin).status, 204);
        QCOMPARE(cookieCall("/v1/auth/logout", QByteArray(), m_origin).status, 204);
    }

    void plainHttpAcrossTheNetworkGetsNoCookie()
    {
        // The browser reached this server by a LAN address without TLS: a
        // cookie would cross the network in clear, so the session stays in
        // the page's memory and the page is told so.
        const Exchange login = cookieLogin(0, "192.168.1.20:" + QByteArray::number(m_port));
        QCOMPARE(login.status, 200);
        QVERIFY(login.setCookie().isEmpty());
        QCOMPARE(login.json().value(QLatin1String("refreshCookie")).toBool(true), false);
        QVERIFY(!login.json().contains(QLatin1String("refreshToken")));
        QVERIFY(!login.json().value(QLatin1String("accessToken")).toString().isEmpty());
        // localhost by name counts as this machine.
        QVERIFY(!cookieLogin(0, "localhost:" + QByteArray::number(m_port)).setCookie().isEmpty());
        QVERIFY(!cookieLogin(0, "[::1]:" + QByteArray::number(m_port)).setCookie().isEmpty());
    }

    void behindATrustedTlsProxyTheCookieIsSecure()
    {
        TestServer proxied;
        proxied.config.trustedProxies = {QStringLiteral("127.0.0.1")};
        QVERIFY(proxied.start());
        const auto port = quint16(QUrl(proxied.baseUrl()).port());
        const Exchange login = exchange("/v1/auth/login", credentials(),
                                        {{"X-Hearth-Session", "cookie"},
                                         {"Host", "chat.example.org"},
                                         {"X-Forwarded-Proto", "https"},
                                         {"X-Forwarded-For", "203.0.113.9"}},
                                        port);
        QCOMPARE(login.status, 200);
        QVERIFY2(login.setCookie().endsWith("; Secure"), login.setCookie());
        const QByteArray token = cookieToken(login.setCookie());
        const QList<QPair<QByteArray, QByteArray>> viaProxy{
            {"X-Hearth-Session", "cookie"},         {"Host", "chat.example.org"},
            {"X-Forwarded-Proto", "https"},         {"Cookie", "hearth_refresh=" + token},
            {"Origin", "https://chat.example.org"},
        };
        QCOMPARE(exchange("/v1/auth/refresh", QByteArray(), viaProxy, port).status, 200);
    }

    void anUntrustedPeerCannotClaimTls()
    {
        const Exchange login = exchange("/v1/auth/login", credentials(),
                                        {{"X-Hearth-Session", "cookie"},
                                         {"Host", "chat.example.org"},
                                         {"X-Forwarded-Proto", "https"}});
        QCOMPARE(login.status, 200);
        QVERIFY(login.setCookie().isEmpty());
    }

    void httpsMarksTheCookieSecure()
    {
        TestServer tls;
        tls.config.tlsMode = QStringLiteral("self-signed");
        QVERIFY(tls.start());
        ApiClient api(tls.baseUrl());
        api.pinnedSha256 = tls.tlsFingerprint();
        const ApiReply login =
            api.request("POST", QStringLiteral("/v1/auth/login"), credentials(),
                        {{"Content-Type", "application/json"}, {"X-Hearth-Session", "cookie"}});
        QCOMPARE(login.status, 200);
        const QByteArray cookie = login.header("set-cookie");
        QVERIFY2(cookie.contains("HttpOnly") && cookie.contains("Secure"), cookie);
    }
};

QTEST_MAIN(TestWebSessionApi)
#include "tst_web_session_api.moc"
