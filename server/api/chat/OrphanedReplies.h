#pragma once

#include <QtCore/QTimer>

namespace hearth {

struct ServerContext;

// Replies left "streaming" by a server that is gone (killed, crashed, the
// power cut) become "interrupted" with the text they had saved. A relay
// saves its reply every HEARTH_REPLY_SAVE_INTERVAL_MS; a reply whose saves
// stopped for five of those has no server any more.
//
// An SQLite file belongs to one server, so at start every unfinished reply
// is an orphan. A shared PostgreSQL/MySQL may have another instance
// relaying: only stale replies are orphans, and the sweep repeats so that
// the replies of an instance that vanished are closed by those still up.
class OrphanedReplies final
{
public:
    OrphanedReplies(ServerContext &context, bool databaseIsShared);
    void start();

private:
    qint64 staleAfterMs() const;
    void sweep(qint64 staleBefore);

    ServerContext &m_context;
    const bool m_shared;
    QTimer m_sweep;
};

} // namespace hearth
