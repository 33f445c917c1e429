#include "storage/GroupCommit.h"

#include "storage/Database.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtSql/QSqlDatabase>

#include <algorithm>

namespace hearth {

GroupCommit::GroupCommit(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(0);
    connect(&m_soon, &QTimer::timeout, this, &GroupCommit::commit);
    // Sooner than the timer by a pass of the loop: one poll of every socket.
    if (QAbstractEventDispatcher *loop = QAbstractEventDispatcher::instance())
        connect(loop, &QAbstractEventDispatcher::aboutToBlock, this, [this] {
            if (!m_pending.empty())
                commit();
        });
}

GroupCommit::~GroupCommit()
{
    m_soon.stop();
    commitPending(); // held or not: nothing is lost at shutdown
}

void GroupCommit::add(Write write, Committed committed)
{
    m_pending.push_back({std::move(write), std::move(committed)});
    if (!m_soon.isActive())
        m_soon.start();
}

void GroupCommit::commit()
{
    m_soon.stop();
    if (m_db.writesHeld())
        return; // the log is being emptied: commit() again when it is released
    commitPending();
}

void GroupCommit::commitPending()
{
    // Taken first: a Committed callback may add the next writes.
    std::vector<Pending> batch;
    batch.swap(m_pending);
    if (batch.empty())
        return;
    bool committed = false;
    QSqlDatabase db = batch.size() > 1 ? m_db.connection() : QSqlDatabase();
    // A lone write commits by itself: BEGIN and COMMIT would cost as much as it.
    if (db.isOpen() && db.transaction()) {
        committed = std::all_of(batch.begin(), batch.end(),
                                [](const Pending &pending) { return pending.write(); });
        committed = committed ? db.commit() : false;
        if (!committed)
            db.rollback();
    }
    for (Pending &pending : batch) {
        // After a failed transaction each write goes alone, so one bad row
        // (or a database that died mid-way) costs only what it must.
        const bool ok = committed || pending.write();
        if (pending.committed)
            pending.committed(ok);
    }
}

} // namespace hearth
