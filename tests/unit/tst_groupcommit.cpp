#include "ScratchDatabase.h"
#include "storage/Database.h"
#include "storage/GroupCommit.h"
#include "storage/SqlRun.h"

#include <QtCore/QDir>
#include <QtCore/QEventLoop>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QTest>

using namespace hearth;

// The server thread's shared commits: the usage rows of the calls that end
// in one pass of the event loop, committed together before their replies.
class TestGroupCommit final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    GroupCommit::Write insert(int n)
    {
        Database *db = m_db.get();
        return [db, n] {
            SqlRun q(*db, QStringLiteral("INSERT INTO numbers (n) VALUES (?)"));
            q.bind(n);
            return q.exec();
        };
    }

    QList<int> stored()
    {
        SqlRun q(*m_db, QStringLiteral("SELECT n FROM numbers ORDER BY n"));
        QList<int> numbers;
        if (q.exec())
            while (q.next())
                numbers << q.value(0).toInt();
        return numbers;
    }

private slots:
    void init()
    {
        m_db = scratchDatabase(m_dir, true);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void writesOfOnePassCommitTogetherThenReport()
    {
        GroupCommit commits(*m_db);
        QList<int> reported;
        for (int n = 1; n <= 3; ++n)
            commits.add(insert(n), [&, n](bool ok) {
                QVERIFY(ok);
                // Reported only once every write of the pass is in.
                QCOMPARE(stored(), (QList<int>{1, 2, 3}));
                reported << n;
            });
        QVERIFY(reported.isEmpty()); // nothing before the end of the pass
        QCOMPARE(stored(), QList<int>{});
        QTRY_COMPARE(reported, (QList<int>{1, 2, 3}));
    }

    void theCommitComesBeforeTheLoopWaitsAgain()
    {
        GroupCommit commits(*m_db);
        QEventLoop loop; // one that waits, like the server thread's
        bool committed = false;
        bool committedBeforeTheNextPass = false;
        // Due at once, and queued before the write: a commit on a timer of its
        // own would come after it.
        QTimer::singleShot(0, this, [&] {
            committedBeforeTheNextPass = committed;
            loop.quit();
        });
        commits.add(insert(1), [&](bool ok) { committed = ok; });
        loop.exec();
        QVERIFY(committedBeforeTheNextPass);
    }

    void heldWritesWaitForTheirRelease()
    {
        GroupCommit commits(*m_db);
        m_db->holdWrites(true); // the log being copied back
        bool committed = false;
        commits.add(insert(1), [&](bool ok) { committed = ok; });
        QEventLoop loop; // a few passes of a loop that waits
        int passes = 0;
        QTimer pass;
        pass.setInterval(0);
        connect(&pass, &QTimer::timeout, this, [&] {
            if (++passes == 5)
                loop.quit();
        });
        pass.start();
        loop.exec();
        QVERIFY(!committed);
        QCOMPARE(stored(), QList<int>{});
        m_db->holdWrites(false);
        commits.commit(); // what WalCheckpointer::writesReleased calls
        QVERIFY(committed);
        QCOMPARE(stored(), QList<int>{1});
    }

    void heldWritesAreCommittedAtShutdownAnyway()
    {
        bool committed = false;
        {
            GroupCommit commits(*m_db);
            m_db->holdWrites(true);
            commits.add(insert(7), [&](bool ok) { committed = ok; });
        }
        m_db->holdWrites(false);
        QVERIFY(committed);
        QCOMPARE(stored(), QList<int>{7});
    }

    void aFailedWriteCostsOnlyItself()
    {
        QVERIFY(insert(2)());
        GroupCommit commits(*m_db);
        QList<bool> results;
        for (int n = 1; n <= 3; ++n) // 2 is there already: its insert fails
            commits.add(insert(n), [&](bool ok) { results << ok; });
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results, (QList<bool>{true, false, true}));
        QCOMPARE(stored(), (QList<int>{1, 2, 3}));
    }

    void aReportMayQueueTheNextWrite()
    {
        GroupCommit commits(*m_db);
        bool secondDone = false;
        commits.add(insert(1),
                    [&](bool) { commits.add(insert(2), [&](bool ok) { secondDone = ok; }); });
        QTRY_VERIFY(secondDone);
        QCOMPARE(stored(), (QList<int>{1, 2}));
    }

    void whatIsPendingIsCommittedOnDestruction()
    {
        bool reported = false;
        {
            GroupCommit commits(*m_db);
            commits.add(insert(7), [&](bool ok) { reported = ok; });
        }
        QVERIFY(reported);
        QCOMPARE(stored(), QList<int>{7});
    }
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
