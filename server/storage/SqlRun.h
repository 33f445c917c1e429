#pragma once

#include "core/ApiError.h"
#include "storage/Database.h"

namespace hearth {

// One prepared statement on this thread's connection (kept by the
// connection for the next SqlRun of the same SQL). A failure is logged
// without bound values (they may be secrets) and becomes an ApiError:
// SERVICE_UNAVAILABLE when the connection is gone, INTERNAL_ERROR otherwise,
// never the SQL text.
class SqlRun
{
public:
    SqlRun(Database &db, const QString &sql);
    ~SqlRun();
    SqlRun(const SqlRun &) = delete;
    SqlRun &operator=(const SqlRun &) = delete;

    SqlRun &bind(const QVariant &value);
    bool exec();
    bool next() { return m_statement.query.next(); }
    QVariant value(int column) const { return m_statement.query.value(column); }
    int rowsAffected() const { return m_statement.query.numRowsAffected(); }
    bool isUniqueViolation() const;
    ApiError error() const;

private:
    Database &m_db;
    QString m_sql;
    Database::LentStatement m_statement;
    int m_nextBind = 0;
    bool m_connectionLost = false;
};

// Binds optional text as SQL NULL when empty.
QVariant nullIfEmpty(const QString &text);
QVariant nullIfZero(qint64 value);

} // namespace hearth
