#pragma once

#include <QtCore/QMutex>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtSql/QSqlQuery>

#include <atomic>
#include <memory>
#include <optional>
#include <unordered_map>

class QSqlDatabase;

namespace hearth {

class SqlDialect;

struct DatabaseSettings
{
    QString driver = QStringLiteral("sqlite");
    QString sqlitePath;
    QString host, user, password, name, sslMode;
    int port = 0;
};

// Owns the settings and hands each thread its own QSqlDatabase connection
// (QtSql's rule: a connection is used only by the thread that made it).
class Database
{
public:
    Database(DatabaseSettings settings, std::unique_ptr<SqlDialect> dialect);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Nullptr and *error set when the driver is unknown or not installed.
    static std::unique_ptr<Database> create(DatabaseSettings settings, QString *error);

    const SqlDialect &dialect() const { return *m_dialect; }
    const DatabaseSettings &settings() const { return m_settings; }

    // This thread's connection, opened on first use; reopened when it was lost.
    // Not valid (and not open) while the database is gone.
    QSqlDatabase connection();
    // True when a trivial query succeeds on this thread's connection.
    bool ping();
    // Closes this thread's connection after it was lost: the next
    // connection() opens a new one.
    void dropConnection();
    // Closes and forgets this thread's connection, for a thread that is
    // done with the database (connections belong to the thread that made them).
    void releaseConnection();
    // From now on connections leave most checkpoints to a WalCheckpointer
    // (this thread's open one at once, the others' when they open).
    void leaveCheckpointsToAnotherThread();
    // While held, the server thread's batched writes (GroupCommit,
    // AccessLogWriter) wait: the WalCheckpointer holds them for the few
    // milliseconds it takes to empty the log.
    void holdWrites(bool held) { m_writesHeld.store(held); }
    bool writesHeld() const { return m_writesHeld.load(); }

    // A prepared statement for `sql` on this thread's connection. Preparing
    // costs more than running most of our statements, so each connection
    // keeps the ones it prepared and lends them out one user at a time; a
    // statement already lent out is prepared afresh. When it cannot be
    // prepared, `prepared` is false and the query carries the error.
    struct LentStatement
    {
        QSqlQuery query;
        quint64 ticket = 0; // 0: not from the cache
        bool prepared = false;
    };
    LentStatement lendStatement(const QString &sql);
    void returnStatement(const QString &sql, LentStatement &&statement);

private:
    struct CachedStatement
    {
        std::optional<QSqlQuery> query; // empty while lent
        quint64 ticket = 0;
    };
    using StatementCache = std::unordered_map<QString, CachedStatement>;

    const QString &connectionName() const;
    // Closes a connection, forgetting its statements first (a closed
    // connection's statements are dead).
    void closeConnection(const QString &name);

    DatabaseSettings m_settings;
    std::unique_ptr<SqlDialect> m_dialect;
    // Set by the first successful open: from then on a missing database is
    // an outage, not a first start.
    std::atomic<bool> m_established{false};
    std::atomic<bool> m_rareAutoCheckpoints{false};
    std::atomic<bool> m_writesHeld{false};
    QMutex m_namesLock; // guards the three below
    QStringList m_connectionNames;
    std::unordered_map<QString, StatementCache> m_statements; // by connection name
    quint64 m_nextTicket = 0;
};

} // namespace hearth
