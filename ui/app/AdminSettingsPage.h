#pragma once

#include <QtCore/QJsonObject>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

// Admin: the server's settings (GET/PATCH /v1/admin/settings): chat rate
// limits, default token quotas, default model, time zone and how long the
// access log is kept. Settings the server's environment fixed are shown
// but cannot be edited, and say why.
class AdminSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit AdminSettingsPage(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    void save();
    QJsonObject shownSettings() const { return m_settings; }
    QSpinBox *perMinute() const { return m_perMinute; }
    QSpinBox *storageMegabytes() const { return m_storageMb; }
    QString statusText() const;

signals:
    void loaded();
    void saved(bool ok);

private:
    void show(const QJsonObject &settings);
    QJsonObject changes() const;

    client::ApiConnection &m_api;
    QSpinBox *m_perMinute;
    QSpinBox *m_perDay;
    QSpinBox *m_perWeek;
    QSpinBox *m_dailyTokens;
    QSpinBox *m_monthlyTokens;
    QSpinBox *m_storageMb; // attachments, per person
    QComboBox *m_defaultModel;
    QComboBox *m_timeZone;
    QSpinBox *m_retention;
    QPushButton *m_save;
    QLabel *m_status;
    QJsonObject m_settings;
};

} // namespace hearth::ui
