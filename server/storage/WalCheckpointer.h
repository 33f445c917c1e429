#pragma once

#include <QtCore/QObject>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>

#include <atomic>

namespace hearth {

class Database;

// Checkpoints SQLite's write-ahead log — copying it back into the database
// file, with an fsync of each — on a thread of its own, so requests on the
// server thread do not wait for the disk: every 10 ms while commits come,
// every 250 ms when none do.
//
// The log starts over only after a checkpoint that copied all of it, and
// under a steady stream of commits a background one never does. So once the
// log holds `finishAtPages`, the server thread's batched writes are held
// (Database::holdWrites) while one more checkpoint copies the last few
// pages, and writesReleased() lets them go: the next commit starts the log
// over. Without that, a commit had to checkpoint the log itself, waiting
// for two fsyncs. That last checkpoint runs on a second thread at normal
// priority, since the server thread waits on it (an idle-priority thread
// cannot raise itself). Does nothing for a database without such a log.
class WalCheckpointer final : public QObject
{
    Q_OBJECT
public:
    explicit WalCheckpointer(Database &db, int finishAtPages = 16000, QObject *parent = nullptr);
    // Waits for checkpoints under way, then closes the threads' connections.
    ~WalCheckpointer() override;

    // Checkpoints run, and logs copied back whole with writes held (for tests).
    int completed() const { return m_completed.load(); }
    int finished() const { return m_finished.load(); }

signals:
    // On the thread that made the checkpointer, after writes were held.
    void writesReleased();

private:
    struct Progress
    {
        int pages = -1;  // in the log; -1: the checkpoint failed
        int copied = -1; // of them, back in the database file
    };

    void start();
    // On the checkpoint threads.
    Progress checkpoint();
    void finishWithWritesHeld();

    Database &m_db;
    const int m_finishAtPages;
    QTimer m_timer;
    // One thread each, kept: their connections stay open.
    QThreadPool m_thread;
    QThreadPool m_finisher;
    std::atomic<bool> m_running{false};
    std::atomic<int> m_intervalMs;
    std::atomic<int> m_completed{0};
    std::atomic<int> m_finished{0};
    int m_lastPages = 0; // m_thread only
};

} // namespace hearth
