#pragma once

#include "core/ApiError.h"

#include <QtSql/QSqlQuery>

namespace hearth {

class Database;

// One prepared statement on this thread's connection. A failure is logged
// without bound values (they may be secrets) and becomes an ApiError:
// SERVICE_UNAVAILABLE when the connection is gone, INTERNAL_ERROR otherwise,
// never the SQL text.
class SqlRun
{
public:
    SqlRun(Database &db, const QString &sql);

    SqlRun &bind(const QVariant &value);
    bool exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    bool isUniqueViolation() const;
    ApiError error() const;
    QSqlQuery &query() { return m_query; }

private:
    Database &m_db;
    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
    bool m_connectionLost = false;
};

// Binds optional text as SQL NULL when empty.
QVariant nullIfEmpty(const QString &text);
QVariant nullIfZero(qint64 value);

} // namespace hearth
