#include "ScratchDatabase.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/Migrator.h"
#include "storage/RefreshTokenRepository.h"
#include "storage/UserRepository.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using namespace hearth;

class TestStorage final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    User makeUser(const QString &email)
    {
        User u;
        u.id = newId();
        u.email = email;
        u.passwordHash = QStringLiteral("$argon2id$x");
        u.createdAt = Clock::system().nowMs();
        return u;
    }

private slots:
    void init()
    {
        m_db = migratedScratchDatabase(m_dir);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void migrationsAreIdempotent()
    {
        QString error;
        Migrator migrator(*m_db);
        const int version = migrator.currentVersion(&error);
        QVERIFY(version >= 1);
        QVERIFY(migrator.migrate(&error));
        QCOMPARE(migrator.currentVersion(&error), version);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), version);
    }

    void connectionUsesWalAndForeignKeys()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void eachThreadGetsItsOwnConnection()
    {
        const QString mine = m_db->connection().connectionName();
        QString theirs;
        bool theirsWorks = false;
        QThread *thread = QThread::create([&] {
            theirs = m_db->connection().connectionName();
            theirsWorks = m_db->ping();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(theirsWorks);
        QVERIFY(mine != theirs);
    }

    void duplicateEmailIsAConflictIgnoringCase()
    {
        UserRepository users(*m_db);
        QVERIFY(users.create(makeUser(QStringLiteral("Ann@Example.com"))));
        const auto again = users.create(makeUser(QStringLiteral("ann@example.COM")));
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("CONFLICT"));
        const auto found = users.findByEmail(QStringLiteral("ANN@example.com"));
        QVERIFY(found && found.value());
        QCOMPARE(found.value()->email, QStringLiteral("ann@example.com"));
    }

    void passwordChangeBumpsTokenVersion()
    {
        UserRepository users(*m_db);
        const User u = makeUser(QStringLiteral("v@example.com"));
        QVERIFY(users.create(u));
        QVERIFY(users.setPassword(u.id, "$argon2id$new"));
        QCOMPARE(users.findById(u.id).value()->tokenVersion, 1);
        QVERIFY(users.setDisabled(u.id, true));
        QCOMPARE(users.findById(u.id).value()->tokenVersion, 2);
        QVERIFY(users.findById(u.id).value()->disabled);
        QCOMPARE(users.setDisabled(newId(), true).error().code, QStringLiteral("NOT_FOUND"));
    }

    void refreshTokenRotatesOnlyOnce()
    {
        UserRepository users(*m_db);
        const User u = makeUser(QStringLiteral("r@example.com"));
        QVERIFY(users.create(u));
        RefreshTokenRepository tokens(*m_db);
        const RefreshTokenRecord t{newId(), u.id, newId(), QStringLiteral("hash1"), 1, 2, 0, {}};
        QVERIFY(tokens.insert(t));
        QCOMPARE(tokens.markRotated(t.id, QStringLiteral("next"), 5).value(), true);
        QCOMPARE(tokens.markRotated(t.id, QStringLiteral("other"), 6).value(), false);
        const auto found = tokens.findByHash(QStringLiteral("hash1")).value();
        QCOMPARE(found->revokedAt, 5);
        QCOMPARE(found->replacedBy, QStringLiteral("next"));
    }

    void deletingAConversationDeletesItsMessages()
    {
        UserRepository users(*m_db);
        const User u = makeUser(QStringLiteral("c@example.com"));
        QVERIFY(users.create(u));
        ConversationRepository conversations(*m_db);
        MessageRepository messages(*m_db);
        Conversation c;
        c.id = newId();
        c.userId = u.id;
        c.title = QStringLiteral("t");
        c.createdAt = c.updatedAt = Clock::system().nowMs();
        QVERIFY(conversations.insert(c));
        Message m;
        m.id = newId();
        m.conversationId = c.id;
        m.role = QStringLiteral("user");
        m.content = QStringLiteral("hi");
        m.createdAt = Clock::system().nowMs();
        QVERIFY(messages.insert(m));
        QCOMPARE(conversations.find(u.id, c.id).value()->messageCount, 1);
        QCOMPARE(conversations.remove(QStringLiteral("someone-else"), c.id).value(), false);
        QCOMPARE(conversations.remove(u.id, c.id).value(), true);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void searchTreatsWildcardsLiterally()
    {
        UserRepository users(*m_db);
        const User u = makeUser(QStringLiteral("s@example.com"));
        QVERIFY(users.create(u));
        ConversationRepository conversations(*m_db);
        for (const QString &title : {QStringLiteral("100% done"), QStringLiteral("1000 things"),
                                     QStringLiteral("学习 Qt")}) {
            Conversation c;
            c.id = newId();
            c.userId = u.id;
            c.title = title;
            c.createdAt = c.updatedAt = Clock::system().nowMs();
            QVERIFY(conversations.insert(c));
        }
        ConversationQuery query;
        query.userId = u.id;
        query.search = QStringLiteral("0%");
        QCOMPARE(conversations.list(query).value().size(), 1);
        query.search = QStringLiteral("学习");
        QCOMPARE(conversations.list(query).value().size(), 1);
        query.search = QStringLiteral("QT");
        QCOMPARE(conversations.list(query).value().size(), 1);
    }

    void unfinishedRepliesAreMarkedInterruptedOnceTheirSavesStop()
    {
        UserRepository users(*m_db);
        const User u = makeUser(QStringLiteral("i@example.com"));
        QVERIFY(users.create(u));
        ConversationRepository conversations(*m_db);
        Conversation c;
        c.id = newId();
        c.userId = u.id;
        c.title = QStringLiteral("t");
        QVERIFY(conversations.insert(c));
        MessageRepository messages(*m_db);
        Message m;
        m.id = newId();
        m.conversationId = c.id;
        m.role = QStringLiteral("assistant");
        m.finishReason = FinishReason::Streaming;
        m.createdAt = 1000;
        QVERIFY(messages.insert(m));
        // Not saved yet: its creation is the last sign of life.
        QCOMPARE(messages.markUnfinishedAsInterrupted(1000).value(), 0);
        QVERIFY(messages.saveProgress(m.id, QStringLiteral("Half a rep"),
                                      QStringLiteral("First, think"), 5000));
        QCOMPARE(messages.markUnfinishedAsInterrupted(4999).value(), 0);
        QCOMPARE(messages.find(c.id, m.id).value()->finishReason, FinishReason::Streaming);
        QCOMPARE(messages.markUnfinishedAsInterrupted(5001).value(), 1);
        const Message interrupted = *messages.find(c.id, m.id).value();
        QCOMPARE(interrupted.finishReason, FinishReason::Interrupted);
        QCOMPARE(interrupted.content, QStringLiteral("Half a rep"));
        QCOMPARE(interrupted.reasoning, QStringLiteral("First, think"));
        // A save that comes after the end changes nothing.
        QVERIFY(messages.saveProgress(m.id, QStringLiteral("Half a reply"), {}, 6000));
        QCOMPARE(messages.find(c.id, m.id).value()->content, QStringLiteral("Half a rep"));
        QCOMPARE(messages.markUnfinishedAsInterrupted(7000).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
