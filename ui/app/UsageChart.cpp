#include "app/UsageChart.h"

#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <QtCore/QDate>
#include <QtCore/QEvent>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

UsageChart::UsageChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
{
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(6);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    m_view->setAccessibleName(tr("Tokens per day"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyTheme();
}

void UsageChart::setDays(const QJsonArray &groups)
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);

    auto *tokens = new QBarSet(tr("Tokens"));
    QList<QPair<double, QString>> labels;
    m_largest = 0;
    const QLocale locale;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QJsonObject day = groups.at(i).toObject();
        const qint64 total = qint64(day.value(QLatin1String("totalTokens")).toDouble());
        m_largest = qMax(m_largest, total);
        *tokens << double(total);
        const QDate date =
            QDate::fromString(day.value(QLatin1String("key")).toString(), Qt::ISODate);
        // Every fifth day counted back from the last one is labelled, so the
        // labels stay readable however narrow the bars.
        if ((groups.size() - 1 - i) % 5 == 0)
            labels.append({double(i), locale.toString(date, QStringLiteral("M/d"))});
    }
    m_days = int(groups.size());
    auto *series = new QBarSeries;
    series->setBarWidth(0.7);
    series->append(tokens);
    m_chart->addSeries(series);

    auto *daysAxis = new QCategoryAxis;
    daysAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    daysAxis->setRange(-0.5, double(groups.size()) - 0.5);
    for (const auto &[position, label] : labels)
        daysAxis->append(label, position);
    daysAxis->setGridLineVisible(false);
    auto *tokensAxis = new QValueAxis;
    tokensAxis->setRange(0, m_largest > 0 ? double(m_largest) * 1.1 : 10.0);
    tokensAxis->setLabelFormat(QStringLiteral("%.0f"));
    tokensAxis->setTickCount(5);
    m_chart->addAxis(daysAxis, Qt::AlignBottom);
    m_chart->addAxis(tokensAxis, Qt::AlignLeft);
    series->attachAxis(daysAxis);
    series->attachAxis(tokensAxis);
    applyTheme();
}

void UsageChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void UsageChart::applyTheme()
{
    // The chart draws itself; give it the window's colours so it matches
    // light and dark alike.
    const QPalette p = palette();
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    m_chart->setBackgroundPen(QPen(p.color(QPalette::Mid)));
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
    }
    for (QAbstractSeries *series : m_chart->series()) {
        if (auto *bars = qobject_cast<QBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                set->setColor(p.color(QPalette::Highlight));
                set->setBorderColor(p.color(QPalette::Highlight));
            }
        }
    }
}

} // namespace hearth::ui
