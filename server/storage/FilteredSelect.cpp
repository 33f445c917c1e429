#include "storage/FilteredSelect.h"

#include "storage/SqlRun.h"

namespace hearth {

FilteredSelect &FilteredSelect::bindFirst(const QVariant &value)
{
    m_values << value;
    return *this;
}

FilteredSelect &FilteredSelect::andWhere(const QString &condition, const QVariantList &values)
{
    m_sql += QStringLiteral(" AND ") + condition;
    m_values << values;
    return *this;
}

FilteredSelect &FilteredSelect::newestFirstPage(const QString &timeColumn, const QString &idColumn,
                                                qint64 beforeTime, const QString &beforeId,
                                                int limit)
{
    if (!beforeId.isEmpty())
        andWhere(QStringLiteral("(%1 < ? OR (%1 = ? AND %2 < ?))").arg(timeColumn, idColumn),
                 {beforeTime, beforeTime, beforeId});
    m_sql += QStringLiteral(" ORDER BY %1 DESC, %2 DESC LIMIT ?").arg(timeColumn, idColumn);
    m_values << limit + 1;
    return *this;
}

void FilteredSelect::bindTo(SqlRun &query) const
{
    for (const QVariant &value : m_values)
        query.bind(value);
}

} // namespace hearth
