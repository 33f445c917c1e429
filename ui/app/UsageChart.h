#pragma once

#include <QtWidgets/QWidget>

class QChart;
class QChartView;

namespace hearth::ui {

// Tokens per day as bars, from a usage report grouped by day
// (GET …/usage/breakdown?groupBy=day or /v1/admin/usage?groupBy=day).
class UsageChart final : public QWidget
{
    Q_OBJECT
public:
    explicit UsageChart(QWidget *parent = nullptr);

    // groups: [{key: "2026-11-22", totalTokens, requests}, …] in day order.
    void setDays(const QJsonArray &groups);
    int dayCount() const { return m_days; }
    qint64 largestDay() const { return m_largest; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QChart *m_chart;
    QChartView *m_view;
    int m_days = 0;
    qint64 m_largest = 0;
};

} // namespace hearth::ui
