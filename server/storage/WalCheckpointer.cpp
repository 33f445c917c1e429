#include "storage/WalCheckpointer.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QtCore/QLoggingCategory>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace hearth {

namespace {
constexpr int intervalMs = 200;
} // namespace

WalCheckpointer::WalCheckpointer(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    if (db.dialect().checkpoint().isEmpty())
        return;
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
    // Copying pages is work no one waits for: any woken request handler,
    // client or provider on a busy machine gets the CPU first (SCHED_IDLE).
    m_thread.setThreadPriority(QThread::IdlePriority);
    db.leaveCheckpointsToAnotherThread();
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &WalCheckpointer::start);
    m_timer.start();
}

WalCheckpointer::~WalCheckpointer()
{
    m_timer.stop();
    if (m_db.dialect().checkpoint().isEmpty())
        return;
    Database *db = &m_db;
    m_thread.start([db] { db->releaseConnection(); });
    m_thread.waitForDone();
}

void WalCheckpointer::start()
{
    if (m_running.exchange(true))
        return; // the last one is still at the disk
    Database *db = &m_db;
    m_thread.start([this, db] {
        QSqlDatabase connection = db->connection();
        if (connection.isOpen()) {
            QSqlQuery query(connection);
            // An unchanged log costs a look at its index, no disk access.
            if (query.exec(db->dialect().checkpoint()))
                m_completed.fetch_add(1);
            else
                qCWarning(lcStorage) << "checkpoint failed:" << query.lastError().driverText();
        }
        m_running.store(false);
    });
}

} // namespace hearth
