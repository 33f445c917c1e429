#pragma once

#include <QtCore/QStringList>
#include <QtCore/QVariant>

class QDateTime;
class QJsonValue;
class QTableWidget;
class QWidget;

namespace hearth::ui {

// A read-only table of whole rows with a header, as every list page shows.
QTableWidget *makeTable(const QStringList &headers, const QString &accessibleName, QWidget *parent);
// The first column takes the spare width, the others fit their contents.
void stretchFirstColumn(QTableWidget *table);
// Fills `row` with `cells`; `id` is kept on the first cell (Qt::UserRole).
// Columns listed in `numeric` are right-aligned.
void setTableRow(QTableWidget *table, int row, const QStringList &cells, const QVariant &id = {},
                 const QList<int> &numeric = {});
// The id kept on the selected row's first cell, or empty.
QString selectedId(const QTableWidget *table);
// An RFC 3339 time from the API in this computer's zone and locale, short.
QString shortTime(const QJsonValue &rfc3339);
QString number(const QJsonValue &value);

} // namespace hearth::ui
