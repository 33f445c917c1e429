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

QString Database::connectionName() const
{
    return QStringLiteral("hearth-%1-%2")
        .arg(quintptr(this), 0, 16)
        .arg(quintptr(QThread::currentThread()), 0, 16);
}

QSqlDatabase Database::connection()
{
    const QString name = connectionName();
    if (m_established.load() && !m_dialect->isStillThere(m_settings)) {
        // Refuse rather than write into a database nobody will see again;
        // the next call after it is back reconnects.
        if (QSqlDatabase::contains(name))
            QSqlDatabase::database(name, false).close();
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
    for (const QString &statement : m_dialect->sessionSetup()) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            qCWarning(lcStorage) << "session set-up failed:" << query.lastError().driverText();
    }
    return db;
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
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void Database::dropConnection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        QSqlDatabase::database(name, false).close();
}

} // namespace hearth
