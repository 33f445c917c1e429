#include "storage/SqlDialect.h"

#include <QtCore/QStringList>
#include <QtSql/QSqlError>

namespace hearth {

QString SqlDialect::likePattern(const QString &needle) const
{
    QString escaped = needle;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped.toLower() + QLatin1Char('%');
}

QString SqlDialect::containsIgnoringCase(const QString &column) const
{
    return QStringLiteral("lower(%1) LIKE ? ESCAPE '\\'").arg(column);
}

bool SqlDialect::isConnectionLost(const QSqlError &error) const
{
    return error.type() == QSqlError::ConnectionError;
}

QString SqlDialect::columnType(Column column) const
{
    return column == Column::Bytes ? QStringLiteral("BLOB") : QStringLiteral("TEXT");
}

QString SqlDialect::dropIndex(const QString &index, const QString &) const
{
    return QStringLiteral("DROP INDEX ") + index;
}

QString SqlDialect::upsert(const QString &table, const QString &key,
                           const QStringList &values) const
{
    QStringList assignments;
    for (const QString &column : values)
        assignments << column + QStringLiteral(" = excluded.") + column;
    QStringList placeholders(values.size() + 1, QStringLiteral("?"));
    return QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (%4) ON CONFLICT (%2) DO UPDATE SET %5")
        .arg(table, key, values.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")),
             assignments.join(QStringLiteral(", ")));
}

} // namespace hearth
