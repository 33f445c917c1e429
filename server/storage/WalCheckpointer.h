#pragma once

#include <QtCore/QObject>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>

#include <atomic>

namespace hearth {

class Database;

// Checkpoints SQLite's write-ahead log — copying it back into the database
// file, with an fsync of each — on a thread of its own, every 200 ms, so
// requests on the server thread seldom wait for the disk (SQLite would
// otherwise make every commit that finds 1,000 pages in the log do it; now
// one that finds 4,000, which under a steady load is one in thousands).
// Does nothing for a database without such a log.
class WalCheckpointer final : public QObject
{
    Q_OBJECT
public:
    explicit WalCheckpointer(Database &db, QObject *parent = nullptr);
    // Waits for a checkpoint under way, then closes the thread's connection.
    ~WalCheckpointer() override;

    // Checkpoints run so far (for tests).
    int completed() const { return m_completed.load(); }

private:
    void start();

    Database &m_db;
    QTimer m_timer;
    QThreadPool m_thread; // one thread, kept: its connection stays open
    std::atomic<bool> m_running{false};
    std::atomic<int> m_completed{0};
};

} // namespace hearth
