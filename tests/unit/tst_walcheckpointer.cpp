#include "ScratchDatabase.h"
#include "storage/Database.h"
#include "storage/SqlRun.h"
#include "storage/WalCheckpointer.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace hearth;

// SQLite checkpoints on a background thread instead of inside a commit.
class TestWalCheckpointer final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    int pragma(const QString &statement, int column = 0)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(statement) && q.next() ? q.value(column).toInt() : -1;
    }

private slots:
    void init()
    {
        m_db = scratchDatabase(m_dir, true);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void commitsLeaveMostCheckpointsToTheThread()
    {
        QCOMPARE(pragma(QStringLiteral("PRAGMA wal_autocheckpoint")), 1000); // SQLite's own
        WalCheckpointer checkpointer(*m_db);
        QCOMPARE(pragma(QStringLiteral("PRAGMA wal_autocheckpoint")), 32000);
        for (int n = 0; n < 300; ++n) {
            SqlRun q(*m_db, QStringLiteral("INSERT INTO numbers (n) VALUES (?)"));
            q.bind(n);
            QVERIFY(q.exec());
        }
        // One under way now may have started before the last insert; the
        // one after it cannot have.
        const int done = checkpointer.completed();
        QTRY_VERIFY(checkpointer.completed() > done + 1);
        // The thread copied the log back: a passive checkpoint here finds
        // every frame already done (columns: busy, frames, checkpointed).
        QCOMPARE(pragma(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), 1),
                 pragma(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), 2));
        QVERIFY(pragma(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), 1) > 0);
    }

    void aConnectionOpenedLaterAlsoLeavesThemToTheThread()
    {
        WalCheckpointer checkpointer(*m_db);
        int seen = -1;
        QThread *thread = QThread::create([&] {
            {
                QSqlQuery q(m_db->connection());
                if (q.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) && q.next())
                    seen = q.value(0).toInt();
            }
            m_db->releaseConnection();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QCOMPARE(seen, 32000);
    }

    void aLongLogIsFinishedWithWritesHeldBriefly()
    {
        WalCheckpointer checkpointer(*m_db, 50);
        QSignalSpy released(&checkpointer, &WalCheckpointer::writesReleased);
        for (int n = 0; n < 400; ++n) {
            SqlRun q(*m_db, QStringLiteral("INSERT INTO numbers (n) VALUES (?)"));
            q.bind(n);
            QVERIFY(q.exec());
            if (n % 20 == 0)
                QCoreApplication::processEvents(); // the timer that starts checkpoints
        }
        // Past 50 pages the log was copied back whole while writes were
        // held, then they were let go.
        QTRY_VERIFY(checkpointer.finished() > 0);
        QTRY_VERIFY(!released.isEmpty());
        QVERIFY(!m_db->writesHeld());
        SqlRun count(*m_db, QStringLiteral("SELECT COUNT(*) FROM numbers"));
        QVERIFY(count.exec() && count.next());
        QCOMPARE(count.value(0).toInt(), 400);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
