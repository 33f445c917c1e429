#pragma once

#include <QtCore/QJsonObject>
#include <QtWidgets/QWidget>

class QLabel;
class QTableWidget;

#include <functional>

namespace hearth::client {
class ApiConnection;
struct ApiResult;
} // namespace hearth::client

namespace hearth::ui {

class UsageChart;

// The user's own token usage: today, this week, this month and in total
// (GET /v1/me/usage), tokens per day over the last 30 days and by model this
// month (…/usage/breakdown), and the most recent calls (…/usage/records).
class UsagePage final : public QWidget
{
    Q_OBJECT
public:
    explicit UsagePage(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    // The figures shown, as the server sent them (for tests and accessibility).
    QJsonObject shownUsage() const { return m_usage; }
    UsageChart *chart() const { return m_chart; }
    QTableWidget *modelTable() const { return m_models; }
    QTableWidget *recordTable() const { return m_records; }

signals:
    void loaded();

private:
    void showUsage(const QJsonObject &usage);
    void showRecords(const QJsonArray &records);
    void showModels(const QJsonObject &report);
    void fetch(const QString &path, std::function<void(const client::ApiResult &)> show);

    client::ApiConnection &m_api;
    QLabel *m_cards[4][2] = {}; // [period][requests, tokens]
    UsageChart *m_chart;
    QTableWidget *m_models;
    QTableWidget *m_records;
    QLabel *m_status;
    QJsonObject m_usage;
    int m_pending = 0;
};

} // namespace hearth::ui
