#pragma once

#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <functional>
#include <vector>

namespace hearth {

class Database;

// Writes that share one transaction on the server thread. A commit costs
// about as much as one row, so the usage rows of every call that ends in one
// pass of the event loop go in one commit at the end of that pass, and each
// reply waits for its row: a client never sees a call finish that a crash
// could then forget. The end of a pass is when the thread's event loop is
// about to wait (a timer that fires at once covers loops that never wait).
class GroupCommit final : public QObject
{
    Q_OBJECT
public:
    // Runs inside the transaction; false when the write failed.
    using Write = std::function<bool()>;
    // Runs once the write is committed (true) or failed (false).
    using Committed = std::function<void(bool)>;

    explicit GroupCommit(Database &db, QObject *parent = nullptr);
    // Commits whatever is still pending.
    ~GroupCommit() override;

    // Committed at the end of this pass of the event loop (later while the
    // database holds writes: commit() again when it lets them go).
    void add(Write write, Committed committed);
    void commit();

private:
    void commitPending();

    struct Pending
    {
        Write write;
        Committed committed;
    };

    Database &m_db;
    std::vector<Pending> m_pending;
    QTimer m_soon;
};

} // namespace hearth
