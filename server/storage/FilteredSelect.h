#pragma once

#include <QtCore/QString>
#include <QtCore/QVariantList>

namespace hearth {

class SqlRun;

// A SELECT grown by optional filters and ended by a newest-first keyset
// page, with its values kept in placeholder order.
class FilteredSelect
{
public:
    explicit FilteredSelect(QString selectWhere) // "SELECT … WHERE <first condition>"
        : m_sql(std::move(selectWhere))
    {}

    FilteredSelect &bindFirst(const QVariant &value);
    FilteredSelect &andWhere(const QString &condition, const QVariantList &values);
    // Rows strictly older than (beforeTime, beforeId) when a cursor is given,
    // newest first, limit + 1 rows (the extra one says a next page exists).
    FilteredSelect &newestFirstPage(const QString &timeColumn, const QString &idColumn,
                                    qint64 beforeTime, const QString &beforeId, int limit);

    QString sql() const { return m_sql; }
    void bindTo(SqlRun &query) const;

private:
    QString m_sql;
    QVariantList m_values;
};

} // namespace hearth
