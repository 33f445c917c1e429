// hearth-bench: throughput and streaming overhead of a real hearth-server
// process on this machine. Prints one table. Not a test: it asserts nothing
// and never runs in CI.
#include "ApiClient.h"
#include "FakeUpstream.h"
#include "LoadClient.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtTest/QTest>

#include <algorithm>
#include <cstdio>

namespace {

struct Stats
{
    double median = 0, p95 = 0;
};

Stats statsOf(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    if (samples.empty())
        return {};
    return {samples[samples.size() / 2], samples[size_t(samples.size() * 0.95)]};
}

// Milliseconds from sending `request` on a new connection until `marker`
// arrives; then waits for the end of the response. Event-driven waiting:
// QTest::qWaitFor would add up to 10 ms of sleep per wait.
double timeToMarker(quint16 port, const QByteArray &request, const QByteArray &marker, bool *ok)
{
    QTcpSocket socket;
    socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QElapsedTimer timer;
    QByteArray received;
    double ms = -1;
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, [&] {
        timer.start();
        socket.write(request);
    });
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] {
        received += socket.readAll();
        if (ms < 0 && received.contains(marker))
            ms = timer.nsecsElapsed() / 1e6;
        if (received.contains("0\r\n\r\n"))
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    *ok = ms >= 0;
    if (!*ok)
        std::fprintf(stderr, "no \"%s\" in: %s\n", marker.constData(),
                     received.left(400).constData());
    return ms;
}

QByteArray post(const QByteArray &path, const QByteArray &token, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n" +
           (token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token + "\r\n") +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = qEnvironmentVariableIntValue("HEARTH_BENCH_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("HEARTH_BENCH_SECONDS")
                            : 5;
    const int connections = qEnvironmentVariableIntValue("HEARTH_BENCH_CONNECTIONS") > 0
                                ? qEnvironmentVariableIntValue("HEARTH_BENCH_CONNECTIONS")
                                : 32;
    const int streams = 200;

    FakeUpstream upstream;
    QTemporaryDir dir;
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEARTH_DATA_DIR"), dir.path());
    env.insert(QStringLiteral("HEARTH_ADMIN_EMAIL"), QStringLiteral("bench@example.com"));
    env.insert(QStringLiteral("HEARTH_ADMIN_PASSWORD"), QStringLiteral("bench-password"));
    env.insert(QStringLiteral("OPENAI_API_BASE_URL"), upstream.baseUrl());
    env.insert(QStringLiteral("HEARTH_CHAT_RATE_LIMIT"),
               QStringLiteral("off")); // 200 sends in a few seconds
    env.insert(QStringLiteral("HEARTH_ACCESS_LOG"),
               qEnvironmentVariable("HEARTH_ACCESS_LOG", QStringLiteral("off")));
    server.setProcessEnvironment(env);
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(HEARTH_SERVER_BINARY),
                 {QStringLiteral("--port"), QStringLiteral("0")});
    QByteArray out;
    QObject::connect(&server, &QProcess::readyReadStandardOutput,
                     [&] { out += server.readAllStandardOutput(); });
    if (!QTest::qWaitFor([&] { return out.contains("is serving on"); }, 20000)) {
        std::fprintf(stderr, "hearth-server did not start\n");
        return 1;
    }
    const QString base = QRegularExpression(QStringLiteral("serving on (http://[^ ]+)"))
                             .match(QString::fromUtf8(out))
                             .captured(1);
    const quint16 port = quint16(QUrl(base).port());

    ApiClient client(base);
    client.login(QStringLiteral("bench@example.com"), QStringLiteral("bench-password"));
    const QByteArray token = client.token.toLatin1();
    [[maybe_unused]] const bool listed = QTest::qWaitFor(
        [&] {
            return client.get(QStringLiteral("/v1/models"))
                       .json()
                       .value(QLatin1String("data"))
                       .toArray()
                       .size() > 1;
        },
        10000);
    const QString conversation = client
                                     .post(QStringLiteral("/v1/conversations"),
                                           {{QStringLiteral("title"), QStringLiteral("bench")}})
                                     .json()
                                     .value(QLatin1String("id"))
                                     .toString();

    const QByteArray health = "GET /health HTTP/1.1\r\nHost: bench\r\n\r\n";
    const QByteArray getConversation = "GET /v1/conversations/" + conversation.toLatin1() +
                                       " HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " +
                                       token + "\r\n\r\n";
    const LoadClient::Result healthResult = LoadClient(port, health, connections).run(seconds);
    const LoadClient::Result convResult =
        LoadClient(port, getConversation, connections).run(seconds);

    // Time to the first delta: straight from the fake provider, then through Hearth.
    std::vector<double> direct, through;
    const QByteArray upstreamBody =
        R"({"model":"fake-instant","stream":true,"messages":[{"role":"user","content":"hi"}]})";
    const quint16 upstreamPort = quint16(QUrl(upstream.baseUrl()).port());
    bool ok = true;
    for (int i = 0; i < streams && ok; ++i)
        direct.push_back(timeToMarker(upstreamPort, post("/v1/chat/completions", {}, upstreamBody),
                                      "data: {", &ok));
    const QByteArray messageBody =
        R"({"role":"user","content":"hi","model":"fake-instant","stream":true})";
    for (int i = 0; i < streams && ok; ++i) {
        const QString fresh = client
                                  .post(QStringLiteral("/v1/conversations"),
                                        {{QStringLiteral("title"), QStringLiteral("s")}})
                                  .json()
                                  .value(QLatin1String("id"))
                                  .toString();
        through.push_back(timeToMarker(
            port, post("/v1/conversations/" + fresh.toLatin1() + "/messages", token, messageBody),
            "event: message.delta", &ok));
    }
    if (!ok) {
        std::fprintf(stderr, "a streamed request failed\n");
        return 1;
    }
    const Stats d = statsOf(direct), t = statsOf(through);

    std::printf(
        "\nHearth benchmark: hearth-server process, %d keep-alive connections, %d s per load, "
        "access log %s, %d cores\n\n",
        connections, seconds, qPrintable(env.value(QStringLiteral("HEARTH_ACCESS_LOG"))),
        QThread::idealThreadCount());
    std::printf("| measure | result |\n|---|---|\n");
    std::printf("| GET /health | %.0f req/s (%lld errors) |\n", healthResult.perSecond(),
                healthResult.failed);
    std::printf("| GET /v1/conversations/:id (JWT) | %.0f req/s (%lld errors) |\n",
                convResult.perSecond(), convResult.failed);
    std::printf("| first delta, provider direct | median %.2f ms, p95 %.2f ms |\n", d.median,
                d.p95);
    std::printf("| first delta, through Hearth | median %.2f ms, p95 %.2f ms |\n", t.median, t.p95);
    std::printf("| added by Hearth (median) | %.2f ms |\n\n", t.median - d.median);
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
