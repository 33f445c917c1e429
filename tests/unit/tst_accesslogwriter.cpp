#include "ScratchDatabase.h"
#include "api/AccessLogWriter.h"
#include "api/ServerContext.h"
#include "storage/SqlRun.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace hearth;

// The access log's batches: written when one is full or a moment after the
// last request, held back while the database empties its log, and never
// lost at shutdown.
class TestAccessLogWriter final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerContext> m_context;

    static AccessLogEntry entry(int n)
    {
        AccessLogEntry e;
        e.clientAddress = QHostAddress(QHostAddress::LocalHost);
        e.method = "GET";
        e.path = QStringLiteral("/v1/models?n=%1").arg(n);
        e.status = 200;
        return e;
    }
    int rows() const
    {
        SqlRun q(*m_context->db, QStringLiteral("SELECT COUNT(*) FROM access_log"));
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }
    void logSome(AccessLogWriter &writer, int count)
    {
        for (int n = 0; n < count; ++n)
            writer.log(entry(n));
    }

private slots:
    void init()
    {
        auto db = migratedScratchDatabase(m_dir);
        QVERIFY(db);
        m_context =
            std::make_unique<ServerContext>(ServerConfig{}, std::move(db), QByteArray(32, 's'));
    }
    void cleanup() { m_context.reset(); }

    void aFullBatchIsWrittenAtOnceTheRestSoonAfter()
    {
        AccessLogWriter writer(*m_context, false);
        logSome(writer, 31);
        QCOMPARE(rows(), 0);
        writer.log(entry(31)); // the 32nd fills the batch
        QCOMPARE(rows(), 32);
        logSome(writer, 3);
        QCOMPARE(rows(), 32);
        QTRY_COMPARE(rows(), 35);
    }

    void heldWritesWaitForTheirRelease()
    {
        AccessLogWriter writer(*m_context, false);
        m_context->db->holdWrites(true);
        logSome(writer, 40); // a full batch, and more, while held
        QCOMPARE(rows(), 0);
        writer.flush(); // what its timer does: deferred again
        QCOMPARE(rows(), 0);
        // Released: the re-armed timer writes them, with no flush from outside.
        m_context->db->holdWrites(false);
        QTRY_COMPARE(rows(), 40);
    }

    void heldWritesAreWrittenAtShutdownAnyway()
    {
        {
            AccessLogWriter writer(*m_context, false);
            m_context->db->holdWrites(true);
            logSome(writer, 5);
        }
        m_context->db->holdWrites(false);
        QCOMPARE(rows(), 5);
    }
};

QTEST_GUILESS_MAIN(TestAccessLogWriter)
#include "tst_accesslogwriter.moc"
