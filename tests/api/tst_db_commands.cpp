#include "ApiClient.h"
#include "DbPeek.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include "api/cli/DbCommands.h"
#include "storage/DatabaseCopy.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTextStream>
#include <QtTest/QTest>

// `hearth-server db backup` and `db copy` on a server that keeps running:
// a backup while it serves, then that backup copied into a fresh database
// of the kind under test (HEARTH_TEST_DB), and a server started on the copy
// that knows the same people, conversations, usage and provider keys.
class TestDbCommands final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    QTemporaryDir m_dir;

    static int run(const hearth::ServerConfig &config, const QStringList &arguments,
                   QString *output = nullptr)
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        const int code = hearth::runDbCommand(config, arguments, out, err, false);
        out.flush();
        err.flush();
        if (output)
            *output = outText + errText;
        return code;
    }
    static hearth::ServerConfig sqliteFile(const QString &path)
    {
        hearth::ServerConfig config;
        config.dbDriver = QStringLiteral("sqlite");
        config.dbPath = path;
        return config;
    }
    static QString urlOf(const hearth::ServerConfig &config)
    {
        if (config.dbDriver == QLatin1String("sqlite"))
            return config.dbPath;
        return QStringLiteral("%1://%2:%3@127.0.0.1:%4/%5")
            .arg(config.dbDriver, config.dbUser, config.dbPassword)
            .arg(config.dbPort)
            .arg(config.dbName);
    }
    // `copy` holds every row `live` held when it was made. The live server
    // goes on logging the test's own requests (the access log is written in
    // batches, whenever one falls due), so that table may only have grown.
    static void sameRows(const hearth::ServerConfig &live, const hearth::ServerConfig &copy)
    {
        for (const QString &table : hearth::DatabaseCopy::tables()) {
            const QString sql = QStringLiteral("SELECT COUNT(*) FROM ") + table;
            const qint64 liveRows = dbValue(live, sql).toLongLong();
            const qint64 copiedRows = dbValue(copy, sql).toLongLong();
            if (table == QLatin1String("access_log"))
                QVERIFY2(copiedRows <= liveRows, qPrintable(table));
            else
                QVERIFY2(copiedRows == liveRows, qPrintable(table));
        }
    }

private slots:
    void backupWhileServingThenCopyIntoAFreshDatabase()
    {
        TestServer source;
        source.config.providers = {};
        QVERIFY(source.start());
        ApiClient admin(source.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(admin
                     .post(QStringLiteral("/v1/admin/providers"),
                           {{QStringLiteral("name"), QStringLiteral("Team")},
                            {QStringLiteral("baseUrl"), m_upstream.baseUrl()},
                            {QStringLiteral("apiKey"), QStringLiteral("sk-copy-0123456789")},
                            {QStringLiteral("models"), QJsonArray{QStringLiteral("fake-stream")}}})
                     .status,
                 201);
        QVERIFY(source.addUser(QStringLiteral("ann@example.com"), QStringLiteral("ann-password")));
        ApiClient ann(source.baseUrl());
        ann.login(QStringLiteral("ann@example.com"), QStringLiteral("ann-password"));
        const QString title = QStringLiteral("搬家清单 📦");
        const QString conversation = ann.createConversation(title);
        QCOMPARE(ann.sendMessage(conversation, QStringLiteral("还记得我吗？"),
                                 QStringLiteral("fake-stream"))
                     .status,
                 200);
        // An attachment of three 1 MiB pieces and a bit (any bytes that are text).
        QByteArray notes;
        for (int line = 0; notes.size() < 3 * 1024 * 1024 + 100; ++line)
            notes += QStringLiteral("第 %1 行：搬家要带的东西\n").arg(line).toUtf8();
        const ApiReply attached =
            ann.request("POST", QStringLiteral("/v1/attachments?name=notes.txt"), notes, {});
        QCOMPARE(attached.status, 201);
        const QString attachmentUrl = attached.json().value(QLatin1String("url")).toString();

        // A backup of the running server.
        const QString backup = m_dir.filePath(QStringLiteral("backup.db"));
        QString output;
        QCOMPARE(run(source.config, {QStringLiteral("backup"), backup}, &output), 0);
        QVERIFY2(output.contains(QLatin1String("verified")), qPrintable(output));
        sameRows(source.config, sqliteFile(backup));
        QCOMPARE(run(source.config, {QStringLiteral("backup"), backup}, &output), 1);
        QVERIFY(output.contains(QLatin1String("exists")));

        // Copied into a new database of the kind under test.
        TestServer target; // not started yet: its database is empty
        target.config.providers = {};
        const int copied = run(source.config,
                               {QStringLiteral("copy"), QStringLiteral("--from"), backup,
                                QStringLiteral("--to"), urlOf(target.config)},
                               &output);
        QVERIFY2(copied == 0, qPrintable(output));
        sameRows(source.config, target.config);
        QCOMPARE(run(source.config,
                     {QStringLiteral("copy"), QStringLiteral("--from"), backup,
                      QStringLiteral("--to"), urlOf(target.config)},
                     &output),
                 1);
        QVERIFY2(output.contains(QLatin1String("not empty")) ||
                     output.contains(QLatin1String("exists")),
                 qPrintable(output));

        // A server on the copy, with the source's sealing key.
        QFile key(QDir(source.config.dataDir).filePath(QStringLiteral("secret.key")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        target.config.secretKey = QString::fromLatin1(key.readAll());
        QVERIFY(target.start());
        ApiClient annThere(target.baseUrl());
        annThere.login(QStringLiteral("ann@example.com"), QStringLiteral("ann-password"));
        const QJsonArray list = annThere.get(QStringLiteral("/v1/conversations")).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0][QLatin1String("title")].toString(), title);
        const QJsonArray messages =
            annThere.get(QStringLiteral("/v1/conversations/%1/messages").arg(conversation)).array();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0][QLatin1String("content")].toString(), QStringLiteral("还记得我吗？"));
        QVERIFY(annThere.get(attachmentUrl).body == notes);
        QCOMPARE(annThere.get(QStringLiteral("/v1/me/usage")).json(),
                 ann.get(QStringLiteral("/v1/me/usage")).json());
        // The provider key was unsealed on the other side.
        QCOMPARE(annThere
                     .sendMessage(annThere.createConversation(QStringLiteral("again")),
                                  QStringLiteral("hi"), QStringLiteral("fake-stream"))
                     .status,
                 200);
        QCOMPARE(m_upstream.received.last().headers.value("authorization"),
                 QByteArray("Bearer sk-copy-0123456789"));
    }

    void theAdminPanelsBackupAndCopy()
    {
        TestServer server;
        QVERIFY(server.start());
        ApiClient admin(server.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        QCOMPARE(admin.get(QStringLiteral("/v1/admin/database/backup")).status, 404);
        QCOMPARE(admin.get(QStringLiteral("/v1/admin/database/job"))
                     .json()
                     .value(QLatin1String("state"))
                     .toString(),
                 QStringLiteral("idle"));
        const auto finished = [&] {
            const QString state = admin.get(QStringLiteral("/v1/admin/database/job"))
                                      .json()
                                      .value(QLatin1String("state"))
                                      .toString();
            return state == QLatin1String("done") || state == QLatin1String("failed");
        };

        ApiReply started = admin.post(QStringLiteral("/v1/admin/database/backup"), {});
        QCOMPARE(started.status, 202);
        QCOMPARE(started.json().value(QLatin1String("kind")).toString(), QStringLiteral("backup"));
        QTRY_VERIFY_WITH_TIMEOUT(finished(), 30000);
        QJsonObject job = admin.get(QStringLiteral("/v1/admin/database/job")).json();
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("done"));
        QCOMPARE(job.value(QLatin1String("done")).toInteger(),
                 job.value(QLatin1String("total")).toInteger());
        const ApiReply file = admin.get(QStringLiteral("/v1/admin/database/backup"));
        QCOMPARE(file.status, 200);
        QVERIFY(file.body.startsWith(QByteArray("SQLite format 3\0", 16)));
        const QString saved = m_dir.filePath(QStringLiteral("downloaded.db"));
        QFile out(saved);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file.body);
        out.close();
        sameRows(server.config, sqliteFile(saved));

        // Copy: refused destinations, then a new SQLite file.
        for (const QJsonObject &bad :
             {QJsonObject{}, QJsonObject{{QStringLiteral("to"), QStringLiteral("oracle://x/y")}},
              QJsonObject{{QStringLiteral("to"), urlOf(server.config)}}})
            QCOMPARE(admin.post(QStringLiteral("/v1/admin/database/copy"), bad).status, 400);
        const QString copy = m_dir.filePath(QStringLiteral("copied-by-api.db"));
        QCOMPARE(
            admin.post(QStringLiteral("/v1/admin/database/copy"), {{QStringLiteral("to"), copy}})
                .status,
            202);
        QTRY_VERIFY_WITH_TIMEOUT(finished(), 30000);
        job = admin.get(QStringLiteral("/v1/admin/database/job")).json();
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("done"));
        QVERIFY(job.value(QLatin1String("tables")).toArray().size() >= 10);
        sameRows(server.config, sqliteFile(copy));
        // Not twice into the same file: the job fails and says why.
        QCOMPARE(
            admin.post(QStringLiteral("/v1/admin/database/copy"), {{QStringLiteral("to"), copy}})
                .status,
            202);
        QTRY_VERIFY_WITH_TIMEOUT(finished(), 30000);
        job = admin.get(QStringLiteral("/v1/admin/database/job")).json();
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QVERIFY(job.value(QLatin1String("error")).toString().contains(QLatin1String("exists")));
    }

    void badArgumentsAreExplained()
    {
        TestServer server;
        QString output;
        QCOMPARE(run(server.config, {QStringLiteral("copy")}, &output), 2);
        QVERIFY(output.contains(QLatin1String("db copy")));
        QCOMPARE(run(server.config,
                     {QStringLiteral("copy"), QStringLiteral("--to"),
                      QStringLiteral("oracle://scott@db/orcl")},
                     &output),
                 2);
        QVERIFY2(output.contains(QLatin1String("neither an SQLite file")), qPrintable(output));
        QCOMPARE(run(server.config,
                     {QStringLiteral("copy"), QStringLiteral("--from"),
                      m_dir.filePath(QStringLiteral("nothing-here.db")), QStringLiteral("--to"),
                      m_dir.filePath(QStringLiteral("out.db"))},
                     &output),
                 1);
        QVERIFY2(output.contains(QLatin1String("does not exist")), qPrintable(output));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nothing-here.db"))));
    }
};

QTEST_MAIN(TestDbCommands)
#include "tst_db_commands.moc"
