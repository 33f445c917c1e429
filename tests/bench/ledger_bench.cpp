// hearth-ledger-bench: usage statistics over a large ledger. Fills a fresh
// database with HEARTH_BENCH_ROWS (default 1,000,000) ledger rows spread
// over 50 users, 6 models and the last 365 days, starts hearth-server on it
// and times the statistics routes. Prints one table; asserts nothing.
#include "ApiClient.h"

#include "security/PasswordHasher.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUuid>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <algorithm>
#include <cstdio>

namespace {

QString startServer(QProcess &server, const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEARTH_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("HEARTH_ADMIN_EMAIL"), QStringLiteral("bench-admin@example.com"));
    env.insert(QStringLiteral("HEARTH_ADMIN_PASSWORD"), QStringLiteral("bench-password"));
    env.insert(QStringLiteral("HEARTH_ACCESS_LOG"), QStringLiteral("off"));
    env.insert(QStringLiteral("HEARTH_OLLAMA_URL"), QStringLiteral("off"));
    server.setProcessEnvironment(env);
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(HEARTH_SERVER_BINARY),
                 {QStringLiteral("--port"), QStringLiteral("0")});
    QByteArray out;
    QObject::connect(&server, &QProcess::readyReadStandardOutput,
                     [&] { out += server.readAllStandardOutput(); });
    if (!QTest::qWaitFor([&] { return out.contains("is serving on"); }, 60000))
        return {};
    return QRegularExpression(QStringLiteral("serving on (http://[^ ]+)"))
        .match(QString::fromUtf8(out))
        .captured(1);
}

struct Timing
{
    double median = 0, p95 = 0;
};

Timing time(ApiClient &client, const QString &path, int runs)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const ApiReply reply = client.get(path);
        ms.push_back(timer.nsecsElapsed() / 1e6);
        if (reply.status != 200)
            std::fprintf(stderr, "%s answered %d\n", qPrintable(path), reply.status);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[size_t(ms.size() * 0.95)]};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = qEnvironmentVariableIntValue("HEARTH_BENCH_ROWS") > 0
                         ? qEnvironmentVariableIntValue("HEARTH_BENCH_ROWS")
                         : 1000000;
    const int users = 50;
    QTemporaryDir dir;

    // 1. Let the server create and migrate the database, then stop it.
    {
        QProcess server;
        if (startServer(server, dir.path()).isEmpty())
            return 1;
        server.terminate();
        server.waitForFinished(20000);
    }

    // 2. Fill it as an outside tool would.
    QElapsedTimer fill;
    fill.start();
    const QByteArray hash = hearth::PasswordHasher().hash(QStringLiteral("user-password"));
    QStringList userIds;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
        db.setDatabaseName(QDir(dir.path()).filePath(QStringLiteral("hearth.db")));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
        db.transaction();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        q.prepare(QStringLiteral("INSERT INTO users (id, email, name, avatar, password_hash, role, "
                                 "created_at, updated_at)"
                                 " VALUES (?, ?, ?, '', ?, 'user', ?, ?)"));
        for (int u = 0; u < users; ++u) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            userIds << id;
            q.addBindValue(id);
            q.addBindValue(QStringLiteral("user%1@example.com").arg(u));
            q.addBindValue(QStringLiteral("User %1").arg(u));
            q.addBindValue(QString::fromLatin1(hash));
            q.addBindValue(now);
            q.addBindValue(now);
            q.exec();
        }
        const QStringList models{
            QStringLiteral("deepseek-chat"), QStringLiteral("deepseek-reasoner"),
            QStringLiteral("gpt-4o"),        QStringLiteral("gpt-4o-mini"),
            QStringLiteral("qwen2.5:7b"),    QStringLiteral("llama3.1:8b")};
        q.prepare(QStringLiteral(
            "INSERT INTO usage_ledger (id, user_id, api_key_id, provider, model, prompt_tokens,"
            " completion_tokens, total_tokens, estimated, latency_ms, status, created_at)"
            " VALUES (?, ?, NULL, 'Bench', ?, ?, ?, ?, 0, ?, 'ok', ?)"));
        QRandomGenerator random(42);
        for (int i = 0; i < rows; ++i) {
            const int prompt = int(random.bounded(20, 2000));
            const int completion = int(random.bounded(10, 1500));
            q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            q.addBindValue(userIds.at(int(random.bounded(users))));
            q.addBindValue(models.at(int(random.bounded(int(models.size())))));
            q.addBindValue(prompt);
            q.addBindValue(completion);
            q.addBindValue(prompt + completion);
            q.addBindValue(int(random.bounded(200, 9000)));
            q.addBindValue(now - qint64(random.bounded(365.0 * 86400 * 1000)));
            if (!q.exec()) {
                std::fprintf(stderr, "insert failed: %s\n", qPrintable(q.lastError().text()));
                return 1;
            }
        }
        db.commit();
        q.exec(QStringLiteral("ANALYZE"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));
    const double fillSeconds = fill.elapsed() / 1000.0;

    // 3. Time the statistics through a running server.
    QProcess server;
    const QString base = startServer(server, dir.path());
    if (base.isEmpty())
        return 1;
    ApiClient admin(base), user(base);
    admin.login(QStringLiteral("bench-admin@example.com"), QStringLiteral("bench-password"));
    user.login(QStringLiteral("user0@example.com"), QStringLiteral("user-password"));
    const int runs = 20;
    const QString yearAgo = QDateTime::currentDateTimeUtc().addDays(-366).toString(Qt::ISODate);
    const Timing me = time(user, QStringLiteral("/v1/me/usage"), runs);
    const Timing byUser = time(admin, QStringLiteral("/v1/admin/usage?groupBy=user"), runs);
    const Timing byModel = time(admin, QStringLiteral("/v1/admin/usage?groupBy=model"), runs);
    const Timing byDay = time(admin, QStringLiteral("/v1/admin/usage?groupBy=day"), runs);
    const Timing byUserYear =
        time(admin, QStringLiteral("/v1/admin/usage?groupBy=user&from=") + yearAgo, runs);
    const Timing records = time(admin, QStringLiteral("/v1/admin/usage/records?limit=100"), runs);
    const qint64 monthRows = qint64(admin.get(QStringLiteral("/v1/admin/usage?groupBy=user"))
                                        .json()
                                        .value(QLatin1String("totals"))
                                        .toObject()
                                        .value(QLatin1String("requests"))
                                        .toDouble());

    std::printf(
        "\nHearth ledger benchmark: %d rows, %d users, SQLite, filled in %.1f s; "
        "%lld rows fall in this month; median and p95 of %d requests through hearth-server\n\n",
        rows, users, fillSeconds, monthRows, runs);
    std::printf("| request | median | p95 |\n|---|---|---|\n");
    auto row = [](const char *name, const Timing &t) {
        std::printf("| %s | %.1f ms | %.1f ms |\n", name, t.median, t.p95);
    };
    row("GET /v1/me/usage (one user's ~1/50 of the rows)", me);
    row("GET /v1/admin/usage?groupBy=user (this month)", byUser);
    row("GET /v1/admin/usage?groupBy=model (this month)", byModel);
    row("GET /v1/admin/usage?groupBy=day (this month)", byDay);
    row("GET /v1/admin/usage?groupBy=user (whole year, all rows)", byUserYear);
    row("GET /v1/admin/usage/records?limit=100", records);
    std::printf("\n");
    server.terminate();
    server.waitForFinished(20000);
    return 0;
}
