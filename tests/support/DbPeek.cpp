#include "DbPeek.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtSql/QSqlRecord>

hearth::ServerConfig sqliteDatabaseIn(const QString &dataDir)
{
    hearth::ServerConfig db;
    db.dbDriver = QStringLiteral("sqlite");
    db.dbPath = QDir(dataDir).filePath(QStringLiteral("hearth.db"));
    return db;
}

namespace {
template<typename F> auto withConnection(const hearth::ServerConfig &config, F &&use)
{
    const QString name = QStringLiteral("test-peek");
    decltype(use(std::declval<QSqlDatabase &>())) result{};
    {
        const QString driver =
            config.dbDriver == QLatin1String("postgres") ? QStringLiteral("QPSQL")
            : config.dbDriver == QLatin1String("mysql")  ? QStringLiteral("QMYSQL")
                                                         : QStringLiteral("QSQLITE");
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
        if (driver != QLatin1String("QSQLITE")) {
            db.setHostName(config.dbHost);
            db.setPort(config.dbPort);
            db.setUserName(config.dbUser);
            db.setPassword(config.dbPassword);
            db.setDatabaseName(config.dbName);
        } else {
            db.setDatabaseName(config.dbPath);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        if (db.open())
            result = use(db);
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
} // namespace

QVariant dbValue(const hearth::ServerConfig &config, const QString &sql, const QVariantList &binds)
{
    return withConnection(config, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    });
}

int dbExec(const hearth::ServerConfig &config, const QString &sql, const QVariantList &binds)
{
    return withConnection(config, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        // PostgreSQL cannot prepare DDL: statements without values run as they are.
        bool ran = false;
        if (binds.isEmpty()) {
            ran = q.exec(sql);
        } else {
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            ran = q.exec();
        }
        if (!ran) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return -1;
        }
        return qMax(0, q.numRowsAffected()); // DDL reports no row count
    });
}

QByteArray dbEverything(const hearth::ServerConfig &config)
{
    if (config.dbDriver == QLatin1String("sqlite")) {
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(config.dbPath + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }
    const bool postgres = config.dbDriver == QLatin1String("postgres");
    return withConnection(config, [postgres](QSqlDatabase &db) {
        QByteArray text;
        QSqlQuery tables(db);
        tables.exec(postgres ? QStringLiteral("SELECT table_name FROM information_schema.tables"
                                              " WHERE table_schema = 'public'")
                             : QStringLiteral("SELECT table_name FROM information_schema.tables"
                                              " WHERE table_schema = DATABASE()"));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        for (const QString &table : names) {
            QSqlQuery rows(db);
            rows.exec(QStringLiteral("SELECT * FROM %1").arg(table));
            while (rows.next()) {
                for (int i = 0; i < rows.record().count(); ++i)
                    text += rows.value(i).toString().toUtf8() + '|';
                text += '\n';
            }
        }
        return text;
    });
}
