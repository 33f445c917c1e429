#include "storage/Database.h"

#include "storage/MysqlDialect.h"
#include "storage/PostgresDialect.h"
#include "storage/SqliteDialect.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

Q_LOGGING_CATEGORY(lcStorage, "hearth.storage")

namespace hearth {

Database::Database(DatabaseSettings settings, std::unique_ptr<SqlDialect> dialect)
    : m_settings(std::move(settings))
    , m_dialect(std::move(dialect))
{}

Database::~Database()
{
    QMutexLocker lock(&m_namesLock);
    m_statements.clear();
    for (const QString &name : std::as_const(m_connectionNames)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

std::unique_ptr<Database> Database::create(DatabaseSettings settings, QString *error)
{
    std::unique_ptr<SqlDialect> dialect;
    QString package;
    if (settings.driver == QLatin1String("sqlite")) {
        dialect = std::make_unique<SqliteDialect>();
        package = QStringLiteral("libqt6sql6-sqlite");
        const QString folder = QFileInfo(settings.sqlitePath).absolutePath();
        if (!QDir().mkpath(folder)) {
            *error = QStringLiteral("cannot create the data folder %1").arg(folder);
            return nullptr;
        }
    } else if (settings.driver == QLatin1String("postgres")) {
        dialect = std::make_unique<PostgresDialect>();
        package = QStringLiteral("libqt6sql6-psql");
    } else if (settings.driver == QLatin1String("mysql")) {
        dialect = std::make_unique<MysqlDialect>();
        package = QStringLiteral("libqt6sql6-mysql");
    } else {
        *error = QStringLiteral("the %1 database is not supported; use DB_DRIVER=sqlite, postgres "
                                "or mysql")
                     .arg(settings.driver);
        return nullptr;
    }
    if (!QSqlDatabase::isDriverAvailable(dialect->qtDriver())) {
        *error = QStringLiteral("the Qt %1 driver is missing (install %2)")
                     .arg(dialect->qtDriver(), package);
        return nullptr;
    }
    return std::make_unique<Database>(std::move(settings), std::move(dialect));
}

const QString &Database::connectionName() const
{
    // Called for every statement, so each thread formats the name once. The
    // name depends only on this object and the thread, so a later Database
    // at the same address may reuse it.
    thread_local QHash<const Database *, QString> names;
    auto found = names.constFind(this);
    if (found != names.constEnd())
        return *found;
    if (names.size() > 64)
        names.clear();
    return *names.insert(this, QStringLiteral("hearth-%1-%2")
                                   .arg(quintptr(this), 0, 16)
                                   .arg(quintptr(QThread::currentThread()), 0, 16));
}

void Database::closeConnection(const QString &name)
{
    {
        QMutexLocker lock(&m_namesLock);
        m_statements.erase(name);
    }
    if (QSqlDatabase::contains(name))
        QSqlDatabase::database(name, false).close();
}

QSqlDatabase Database::connection()
{
    const QString name = connectionName();
    if (m_established.load() && !m_dialect->isStillThere(m_settings)) {
        // Refuse rather than write into a database nobody will see again;
        // the next call after it is back reconnects.
        closeConnection(name);
        return QSqlDatabase();
    }
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->qtDriver(), name);
        m_dialect->configure(db, m_settings);
        QMutexLocker lock(&m_namesLock);
        m_connectionNames << name;
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.open()) {
        qCWarning(lcStorage) << "cannot open the database:" << db.lastError().driverText();
        return db;
    }
    m_established.store(true);
    QStringList setup = m_dialect->sessionSetup();
    if (m_rareAutoCheckpoints.load() && !m_dialect->rareAutoCheckpoints().isEmpty())
        setup << m_dialect->rareAutoCheckpoints();
    for (const QString &statement : std::as_const(setup)) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            qCWarning(lcStorage) << "session set-up failed:" << query.lastError().driverText();
    }
    return db;
}

void Database::leaveCheckpointsToAnotherThread()
{
    m_rareAutoCheckpoints.store(true);
    const QString &name = connectionName();
    if (m_dialect->rareAutoCheckpoints().isEmpty() || !QSqlDatabase::contains(name))
        return;
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (db.isOpen())
        QSqlQuery(db).exec(m_dialect->rareAutoCheckpoints());
}

bool Database::ping()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT 1")) && query.next())
        return true;
    if (m_dialect->isConnectionLost(query.lastError()))
        dropConnection();
    return false;
}

void Database::releaseConnection()
{
    const QString name = connectionName();
    QMutexLocker lock(&m_namesLock);
    if (!m_connectionNames.removeOne(name))
        return;
    m_statements.erase(name);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void Database::dropConnection()
{
    closeConnection(connectionName());
}

Database::LentStatement Database::lendStatement(const QString &sql)
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return LentStatement{QSqlQuery(db), 0, false};
    const QString &name = connectionName();
    QMutexLocker lock(&m_namesLock);
    StatementCache &cache = m_statements[name];
    const auto cached = cache.find(sql);
    const bool known = cached != cache.end();
    if (known && cached->second.query) {
        LentStatement lent{std::move(*cached->second.query), cached->second.ticket, true};
        cached->second.query.reset();
        return lent;
    }
    lock.unlock();
    LentStatement fresh{QSqlQuery(db), 0, false};
    fresh.query.setForwardOnly(true);
    fresh.prepared = fresh.query.prepare(sql);
    // A bounded cache: statements built from varying filters stop being
    // kept once a connection has this many.
    constexpr qsizetype maxStatements = 256;
    if (fresh.prepared && !known) {
        lock.relock();
        StatementCache &current = m_statements[name]; // other threads may have rehashed
        if (current.count(sql) == 0 && qsizetype(current.size()) < maxStatements) {
            fresh.ticket = ++m_nextTicket;
            current.emplace(sql, CachedStatement{std::nullopt, fresh.ticket});
        }
    }
    return fresh;
}

void Database::returnStatement(const QString &sql, LentStatement &&statement)
{
    if (statement.ticket == 0)
        return;
    QMutexLocker lock(&m_namesLock);
    auto connection = m_statements.find(connectionName());
    if (connection == m_statements.end())
        return;
    auto cached = connection->second.find(sql);
    // The ticket tells a statement lent before its connection was dropped
    // from the one cached since.
    if (cached != connection->second.end() && cached->second.ticket == statement.ticket &&
        !cached->second.query)
        cached->second.query.emplace(std::move(statement.query));
}

} // namespace hearth
