#pragma once

#include "storage/DatabaseCopy.h"

#include <QtCore/QJsonObject>
#include <QtCore/QMutex>
#include <QtCore/QThreadPool>

#include <atomic>

namespace hearth {

class Database;
struct DatabaseSettings;

// One backup or copy of the live database at a time, for the admin panel,
// on a thread of its own (a long copy must not hold the server thread, nor
// the workers that hash passwords). The server thread starts it and reads
// its state; the job thread writes it.
class DatabaseJob
{
public:
    explicit DatabaseJob(Database &source);
    ~DatabaseJob();

    // False when a job is still running.
    bool startBackup(const QString &file);
    bool startCopy(const DatabaseSettings &to);
    // {kind, state: idle|running|done|failed, done, total, error, tables, …}
    QJsonObject state() const;
    // The file of the last backup that finished, if any.
    QString lastBackup() const;

private:
    bool start(const QString &kind, const DatabaseSettings &to, const QString &target);

    Database &m_source;
    QThreadPool m_thread;
    mutable QMutex m_lock;
    QString m_kind, m_state = QStringLiteral("idle"), m_error, m_target, m_lastBackup;
    QList<DatabaseCopy::TableCount> m_counts;
    qint64 m_startedAt = 0, m_finishedAt = 0;
    std::atomic<qint64> m_done{0}, m_total{0};
    std::atomic<bool> m_stopping{false};
};

} // namespace hearth
