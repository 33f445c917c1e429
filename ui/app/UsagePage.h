#pragma once

#include <QtCore/QJsonObject>
#include <QtWidgets/QWidget>

class QLabel;
class QTableWidget;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

// The user's own token usage: today, this week, this month and in total
// (GET /v1/me/usage), and the most recent calls (GET /v1/me/usage/records).
class UsagePage final : public QWidget
{
    Q_OBJECT
public:
    explicit UsagePage(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    // The figures shown, as the server sent them (for tests and accessibility).
    QJsonObject shownUsage() const { return m_usage; }

signals:
    void loaded();

private:
    void showUsage(const QJsonObject &usage);
    void showRecords(const QJsonArray &records);

    client::ApiConnection &m_api;
    QLabel *m_cards[4][2] = {}; // [period][requests, tokens]
    QTableWidget *m_records;
    QLabel *m_status;
    QJsonObject m_usage;
    int m_pending = 0;
};

} // namespace hearth::ui
