#include "ScratchDatabase.h"
#include "storage/Database.h"
#include "storage/SqlRun.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

using namespace hearth;

// The per-connection cache of prepared statements that SqlRun draws on.
class TestStatementCache final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    static const QString &selectAll()
    {
        static const QString sql = QStringLiteral("SELECT n FROM numbers ORDER BY n");
        return sql;
    }

    void insert(int n)
    {
        SqlRun q(*m_db, QStringLiteral("INSERT INTO numbers (n) VALUES (?)"));
        q.bind(n);
        QVERIFY(q.exec());
    }

    int count()
    {
        SqlRun q(*m_db, QStringLiteral("SELECT COUNT(*) FROM numbers"));
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

    void insertOnAnotherThread(int n)
    {
        bool inserted = false;
        QThread *thread = QThread::create([&] {
            {
                SqlRun q(*m_db, QStringLiteral("INSERT INTO numbers (n) VALUES (?)"));
                q.bind(n);
                inserted = q.exec();
            }
            m_db->releaseConnection();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(inserted);
    }

private slots:
    void init()
    {
        m_db = scratchDatabase(m_dir, true);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void aReturnedStatementIsLentAgainWithNewValues()
    {
        insert(1);
        insert(2);
        Database::LentStatement first = m_db->lendStatement(selectAll());
        QVERIFY(first.prepared);
        QVERIFY(first.ticket != 0);
        const quint64 ticket = first.ticket;
        m_db->returnStatement(selectAll(), std::move(first));
        Database::LentStatement again = m_db->lendStatement(selectAll());
        QCOMPARE(again.ticket, ticket);
        m_db->returnStatement(selectAll(), std::move(again));
        // The reused INSERT took each call's own value.
        SqlRun q(*m_db, selectAll());
        QVERIFY(q.exec());
        QList<int> seen;
        while (q.next())
            seen << q.value(0).toInt();
        QCOMPARE(seen, (QList<int>{1, 2}));
    }

    void aStatementInUseIsPreparedAfresh()
    {
        for (int n = 1; n <= 3; ++n)
            insert(n);
        // The same SQL run inside its own result loop must not disturb it.
        SqlRun outer(*m_db, selectAll());
        QVERIFY(outer.exec());
        QList<int> sums;
        while (outer.next()) {
            SqlRun inner(*m_db, selectAll());
            QVERIFY(inner.exec());
            int sum = 0;
            while (inner.next())
                sum += inner.value(0).toInt();
            sums << outer.value(0).toInt() + sum;
        }
        QCOMPARE(sums, (QList<int>{7, 8, 9}));
    }

    void anAbandonedResultLeavesNoStaleSnapshot()
    {
        insert(1);
        insert(2);
        {
            SqlRun partial(*m_db, selectAll());
            QVERIFY(partial.exec());
            QVERIFY(partial.next()); // the second row is never read
        }
        insertOnAnotherThread(3);
        // A statement kept mid-result would still see the old snapshot.
        QCOMPARE(count(), 3);
    }

    void aDroppedConnectionForgetsItsStatements()
    {
        insert(1);
        Database::LentStatement lent = m_db->lendStatement(selectAll());
        const quint64 ticket = lent.ticket;
        m_db->dropConnection();
        m_db->returnStatement(selectAll(), std::move(lent)); // too late: not kept
        Database::LentStatement fresh = m_db->lendStatement(selectAll());
        QVERIFY(fresh.prepared);
        QVERIFY(fresh.ticket != ticket);
        QVERIFY(fresh.query.exec());
        QVERIFY(fresh.query.next());
        QCOMPARE(fresh.query.value(0).toInt(), 1);
        fresh.query.finish();
        m_db->returnStatement(selectAll(), std::move(fresh));
        QCOMPARE(count(), 1);
    }

    void aBadStatementReportsItsError()
    {
        SqlRun q(*m_db, QStringLiteral("SELECT nothing FROM nowhere"));
        QVERIFY(!q.exec());
        QCOMPARE(q.error().status, 500);
        QCOMPARE(count(), 0); // the connection still works
    }
};

QTEST_GUILESS_MAIN(TestStatementCache)
#include "tst_statementcache.moc"
