#include "DbPeek.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace {
template<typename F> auto withConnection(const QString &path, F &&use)
{
    const QString name = QStringLiteral("test-peek");
    decltype(use(std::declval<QSqlDatabase &>())) result{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open())
            result = use(db);
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
} // namespace

QVariant dbValue(const QString &path, const QString &sql, const QVariantList &binds)
{
    return withConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    });
}

int dbExec(const QString &path, const QString &sql, const QVariantList &binds)
{
    return withConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() ? q.numRowsAffected() : -1;
    });
}
