#include "app/Tables.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonValue>
#include <QtCore/QLocale>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTableWidget>

namespace hearth::ui {

QTableWidget *makeTable(const QStringList &headers, const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setAccessibleName(accessibleName);
    return table;
}

void stretchFirstColumn(QTableWidget *table)
{
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void setTableRow(QTableWidget *table, int row, const QStringList &cells, const QVariant &id,
                 const QList<int> &numeric)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        if (numeric.contains(column))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (column == 0 && id.isValid())
            item->setData(Qt::UserRole, id);
        table->setItem(row, column, item);
    }
}

QString selectedId(const QTableWidget *table)
{
    const int row = table->currentRow();
    if (row < 0 || !table->item(row, 0))
        return {};
    return table->item(row, 0)->data(Qt::UserRole).toString();
}

QString shortTime(const QJsonValue &rfc3339)
{
    if (rfc3339.isNull() || rfc3339.toString().isEmpty())
        return QStringLiteral("–");
    const QDateTime time = QDateTime::fromString(rfc3339.toString(), Qt::ISODateWithMs);
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString number(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("–");
    return QLocale().toString(qint64(value.toDouble()));
}

} // namespace hearth::ui
