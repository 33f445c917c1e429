// hearth-ledger-bench: usage statistics over a large ledger. Fills a fresh
// database with HEARTH_BENCH_ROWS (default 1,000,000) ledger rows spread
// over 50 users, 6 models and the last 365 days, starts hearth-server on it
// and times the statistics routes. Prints one table; asserts nothing.
// HEARTH_BENCH_DB=postgres|mysql runs it on a throwaway PostgreSQL or MariaDB
// started with the tests' scripts instead of SQLite.
#include "ApiClient.h"

#include "security/PasswordHasher.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
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

// Where the ledger lives: an SQLite file in the data folder, or a database
// on a server of the tests' kind, started and stopped here.
struct BenchDatabase
{
    QString driver = QStringLiteral("sqlite");
    QString script, scriptDir, port, name = QStringLiteral("hearth_bench");
    QString qtDriver() const
    {
        return driver == QLatin1String("postgres") ? QStringLiteral("QPSQL")
               : driver == QLatin1String("mysql")  ? QStringLiteral("QMYSQL")
                                                   : QStringLiteral("QSQLITE");
    }
    QString user() const
    {
        return driver == QLatin1String("postgres") ? QStringLiteral("postgres")
                                                   : QStringLiteral("hearth");
    }
    QString password() const
    {
        return driver == QLatin1String("mysql") ? QStringLiteral("hearth") : QString();
    }
    void configure(QSqlDatabase &db, const QString &dataDir, bool administration) const
    {
        if (driver == QLatin1String("sqlite")) {
            db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("hearth.db")));
            return;
        }
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(port.toInt());
        db.setUserName(user());
        db.setPassword(password());
        if (!administration)
            db.setDatabaseName(name);
        else if (driver == QLatin1String("postgres"))
            db.setDatabaseName(QStringLiteral("postgres"));
    }
};

QString startServer(QProcess &server, const QString &dataDir, const BenchDatabase &database)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (database.driver != QLatin1String("sqlite")) {
        env.insert(QStringLiteral("DB_DRIVER"), database.driver);
        env.insert(QStringLiteral("DB_HOST"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("DB_PORT"), database.port);
        env.insert(QStringLiteral("DB_USER"), database.user());
        env.insert(QStringLiteral("DB_PASSWORD"), database.password());
        env.insert(QStringLiteral("DB_NAME"), database.name);
    }
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
    BenchDatabase database;
    if (!qEnvironmentVariableIsEmpty("HEARTH_BENCH_DB"))
        database.driver = qEnvironmentVariable("HEARTH_BENCH_DB");
    if (database.driver != QLatin1String("sqlite")) {
        database.script =
            QStringLiteral(HEARTH_SCRIPTS_DIR) + (database.driver == QLatin1String("postgres")
                                                      ? QStringLiteral("/pg-test-cluster.sh")
                                                      : QStringLiteral("/mariadb-test-server.sh"));
        database.scriptDir = QDir(dir.path()).filePath(QStringLiteral("db-server"));
        if (QProcess::execute(database.script, {QStringLiteral("start"), database.scriptDir}) != 0)
            return 1;
        QFile portFile(database.scriptDir + QStringLiteral("/port"));
        portFile.open(QIODevice::ReadOnly);
        database.port = QString::fromLatin1(portFile.readAll().trimmed());
        QSqlDatabase admin = QSqlDatabase::addDatabase(database.qtDriver(), QStringLiteral("a"));
        database.configure(admin, dir.path(), true);
        if (!admin.open() ||
            !QSqlQuery(admin).exec(
                database.driver == QLatin1String("postgres")
                    ? QStringLiteral("CREATE DATABASE hearth_bench ENCODING 'UTF8'")
                    : QStringLiteral("CREATE DATABASE hearth_bench CHARACTER SET "
                                     "utf8mb4 COLLATE utf8mb4_bin"))) {
            std::fprintf(stderr, "cannot create the database: %s\n",
                         qPrintable(admin.lastError().text()));
            return 1;
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("a"));
    const auto stopDatabase = [&] {
        if (!database.script.isEmpty())
            QProcess::execute(database.script, {QStringLiteral("stop"), database.scriptDir});
    };

    // 1. Let the server create and migrate the database, then stop it.
    {
        QProcess server;
        if (startServer(server, dir.path(), database).isEmpty())
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
        QSqlDatabase db = QSqlDatabase::addDatabase(database.qtDriver(), QStringLiteral("fill"));
        database.configure(db, dir.path(), false);
        if (!db.open()) {
            std::fprintf(stderr, "cannot open: %s\n", qPrintable(db.lastError().text()));
            return 1;
        }
        QSqlQuery q(db);
        if (database.driver == QLatin1String("sqlite")) {
            q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
        }
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
        // 500 rows per statement (values we generate, no quoting needed): one
        // round trip per row would time the network, not the statistics.
        QRandomGenerator random(42);
        QStringList batch;
        for (int i = 0; i < rows; ++i) {
            const int prompt = int(random.bounded(20, 2000));
            const int completion = int(random.bounded(10, 1500));
            batch << QStringLiteral(
                         "('%1', '%2', NULL, 'Bench', '%3', %4, %5, %6, 0, %7, 'ok', %8)")
                         .arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                              userIds.at(int(random.bounded(users))),
                              models.at(int(random.bounded(int(models.size())))))
                         .arg(prompt)
                         .arg(completion)
                         .arg(prompt + completion)
                         .arg(int(random.bounded(200, 9000)))
                         .arg(now - qint64(random.bounded(365.0 * 86400 * 1000)));
            if (batch.size() < 500 && i + 1 < rows)
                continue;
            if (!q.exec(
                    QStringLiteral(
                        "INSERT INTO usage_ledger (id, user_id, api_key_id, provider, model,"
                        " prompt_tokens, completion_tokens, total_tokens, estimated, latency_ms,"
                        " status, created_at) VALUES ") +
                    batch.join(QLatin1Char(',')))) {
                std::fprintf(stderr, "insert failed: %s\n", qPrintable(q.lastError().text()));
                return 1;
            }
            batch.clear();
        }
        db.commit();
        // Statistics for the planners; PostgreSQL also needs the visibility
        // map (VACUUM) before it reads the covering indexes alone, as its
        // autovacuum would have done on a live server.
        q.exec(database.driver == QLatin1String("mysql")
                   ? QStringLiteral("ANALYZE TABLE usage_ledger")
               : database.driver == QLatin1String("postgres") ? QStringLiteral("VACUUM ANALYZE")
                                                              : QStringLiteral("ANALYZE"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));
    const double fillSeconds = fill.elapsed() / 1000.0;

    // 3. Time the statistics through a running server.
    QProcess server;
    const QString base = startServer(server, dir.path(), database);
    if (base.isEmpty()) {
        stopDatabase();
        return 1;
    }
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
        "\nHearth ledger benchmark: %d rows, %d users, %s, filled in %.1f s; "
        "%lld rows fall in this month; median and p95 of %d requests through hearth-server\n\n",
        rows, users, qPrintable(database.driver), fillSeconds, monthRows, runs);
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
    stopDatabase();
    return 0;
}
