#pragma once

#include <QtCore/QJsonObject>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hearth::client {
class ApiConnection;
class FileDownload;
} // namespace hearth::client

namespace hearth::ui {

class UsageChart;

// Admin: everyone's usage for a range (GET /v1/admin/usage by day, user and
// model) and the usage records as CSV, filtered by user and model, with a
// progress bar while they download.
class AdminUsagePage final : public QWidget
{
    Q_OBJECT
public:
    explicit AdminUsagePage(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    QJsonObject shownTotals() const { return m_totals; }
    QTableWidget *userTable() const { return m_users; }
    UsageChart *chart() const { return m_chart; }
    // Writes the filtered records to `fileName` (the Export button asks where).
    void exportCsv(const QString &fileName);
    QProgressBar *exportProgress() const { return m_progress; }

signals:
    void loaded();
    void exported(const QString &error);

private:
    void fetchReport(const QString &groupBy, std::function<void(const QJsonObject &)> show);
    QString rangeQuery() const;
    void showGroups(QTableWidget *table, QComboBox *filter, const QJsonObject &report);
    qint64 expectedRows() const;

    client::ApiConnection &m_api;
    QComboBox *m_range;
    QLabel *m_summary;
    UsageChart *m_chart;
    QTableWidget *m_users;
    QTableWidget *m_models;
    QComboBox *m_userFilter;
    QComboBox *m_modelFilter;
    QPushButton *m_export;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_exportStatus;
    client::FileDownload *m_download = nullptr;
    QJsonObject m_totals;
    int m_pending = 0;
};

} // namespace hearth::ui
