#include "api/admin/DatabaseJob.h"

#include "core/Clock.h"
#include "core/TimeFormat.h"
#include "storage/Database.h"
#include "storage/DatabaseSpec.h"

#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>

namespace hearth {

DatabaseJob::DatabaseJob(Database &source)
    : m_source(source)
{
    m_thread.setMaxThreadCount(1);
}

DatabaseJob::~DatabaseJob()
{
    m_stopping = true; // a copy in progress stops at its next batch
    m_thread.waitForDone();
}

bool DatabaseJob::startBackup(const QString &file)
{
    DatabaseSettings to;
    to.driver = QStringLiteral("sqlite");
    to.sqlitePath = file;
    return start(QStringLiteral("backup"), to, QFileInfo(file).fileName());
}

bool DatabaseJob::startCopy(const DatabaseSettings &to)
{
    return start(QStringLiteral("copy"), to, describeDatabase(to));
}

bool DatabaseJob::start(const QString &kind, const DatabaseSettings &to, const QString &target)
{
    {
        QMutexLocker lock(&m_lock);
        if (m_state == QLatin1String("running"))
            return false;
        m_kind = kind;
        m_state = QStringLiteral("running");
        m_error.clear();
        m_counts.clear();
        m_target = target;
        m_startedAt = Clock::system().nowMs();
        m_finishedAt = 0;
        m_done = 0;
        m_total = 0;
    }
    m_thread.start([this, kind, to] {
        QString error;
        QList<DatabaseCopy::TableCount> counts;
        const bool ok = DatabaseCopy::copyInto(
            m_source, to,
            [this](qint64 done, qint64 total) {
                m_done = done;
                m_total = total;
                return !m_stopping.load();
            },
            &counts, &error);
        m_source.releaseConnection(); // made on this thread, so closed here
        QMutexLocker lock(&m_lock);
        m_state = ok ? QStringLiteral("done") : QStringLiteral("failed");
        m_error = error;
        m_counts = counts;
        m_finishedAt = Clock::system().nowMs();
        if (ok && kind == QLatin1String("backup"))
            m_lastBackup = to.sqlitePath;
    });
    return true;
}

QJsonObject DatabaseJob::state() const
{
    QMutexLocker lock(&m_lock);
    QJsonArray tables;
    for (const DatabaseCopy::TableCount &count : m_counts) {
        tables.append(QJsonObject{{QStringLiteral("table"), count.table},
                                  {QStringLiteral("source"), double(count.source)},
                                  {QStringLiteral("destination"), double(count.destination)}});
    }
    const auto time = [](qint64 ms) { return ms ? QJsonValue(toRfc3339(ms)) : QJsonValue(); };
    return {{QStringLiteral("kind"), m_kind.isEmpty() ? QJsonValue() : QJsonValue(m_kind)},
            {QStringLiteral("state"), m_state},
            {QStringLiteral("target"), m_target.isEmpty() ? QJsonValue() : QJsonValue(m_target)},
            {QStringLiteral("done"), double(m_done.load())},
            {QStringLiteral("total"), double(m_total.load())},
            {QStringLiteral("error"), m_error.isEmpty() ? QJsonValue() : QJsonValue(m_error)},
            {QStringLiteral("tables"), tables},
            {QStringLiteral("startedAt"), time(m_startedAt)},
            {QStringLiteral("finishedAt"), time(m_finishedAt)}};
}

QString DatabaseJob::lastBackup() const
{
    QMutexLocker lock(&m_lock);
    return m_lastBackup;
}

} // namespace hearth
