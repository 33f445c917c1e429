#include "storage/WalCheckpointer.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QtCore/QLoggingCategory>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace hearth {

namespace {
// Often enough that little is left to copy when writes are held.
constexpr int busyIntervalMs = 10;
constexpr int idleIntervalMs = 250;
} // namespace

WalCheckpointer::WalCheckpointer(Database &db, int finishAtPages, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_finishAtPages(finishAtPages)
    , m_intervalMs(idleIntervalMs)
{
    if (db.dialect().checkpoint().isEmpty())
        return;
    for (QThreadPool *pool : {&m_thread, &m_finisher}) {
        pool->setMaxThreadCount(1);
        pool->setExpiryTimeout(-1);
    }
    // Copying pages is work no one waits for: any woken request handler,
    // client or provider on a busy machine gets the CPU first (SCHED_IDLE).
    m_thread.setThreadPriority(QThread::IdlePriority);
    db.leaveCheckpointsToAnotherThread();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WalCheckpointer::start);
    m_timer.start(m_intervalMs.load());
}

WalCheckpointer::~WalCheckpointer()
{
    m_timer.stop();
    if (m_db.dialect().checkpoint().isEmpty())
        return;
    Database *db = &m_db;
    m_thread.start([db] { db->releaseConnection(); }); // after one under way
    m_thread.waitForDone();
    m_finisher.start([db] { db->releaseConnection(); });
    m_finisher.waitForDone();
}

void WalCheckpointer::start()
{
    m_timer.start(m_intervalMs.load());
    if (m_running.exchange(true))
        return; // the last one is still at the disk
    m_thread.start([this] {
        const Progress progress = checkpoint();
        // An unchanged log costs a look at its index, no disk access; an
        // idle one is looked at less often.
        const bool changed = progress.pages > 0 && progress.pages != m_lastPages;
        m_lastPages = progress.pages;
        m_intervalMs.store(changed ? busyIntervalMs : idleIntervalMs);
        if (progress.pages >= m_finishAtPages)
            m_finisher.start([this] {
                finishWithWritesHeld();
                m_running.store(false);
            });
        else
            m_running.store(false);
    });
}

WalCheckpointer::Progress WalCheckpointer::checkpoint()
{
    QSqlDatabase connection = m_db.connection();
    if (!connection.isOpen())
        return {};
    QSqlQuery query(connection);
    if (!query.exec(m_db.dialect().checkpoint()) || !query.next()) {
        qCWarning(lcStorage) << "checkpoint failed:" << query.lastError().driverText();
        return {};
    }
    m_completed.fetch_add(1);
    return {query.value(1).toInt(), query.value(2).toInt()};
}

void WalCheckpointer::finishWithWritesHeld()
{
    m_db.holdWrites(true);
    // A commit that began before the hold is in the log or still going:
    // this copies what it can; what it could not, the next round does.
    const Progress progress = checkpoint();
    m_db.holdWrites(false);
    if (progress.pages >= 0 && progress.copied == progress.pages)
        m_finished.fetch_add(1);
    QMetaObject::invokeMethod(this, &WalCheckpointer::writesReleased, Qt::QueuedConnection);
}

} // namespace hearth
