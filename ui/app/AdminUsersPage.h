#pragma once

#include <QtCore/QJsonArray>
#include <QtWidgets/QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

class FormDialog;

// Admin: the accounts on this server (GET /v1/admin/users, every page);
// add one, change a role, disable or enable, reset a password, set token
// quotas, delete.
class AdminUsersPage final : public QWidget
{
    Q_OBJECT
public:
    explicit AdminUsersPage(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    QTableWidget *table() const { return m_table; }
    QJsonArray users() const { return m_users; }
    // Opens the "Add user" form (the button does the same); returned for tests.
    FormDialog *openAddUser();
    // The selected user's token quotas (fields "dailyQuota", "monthlyQuota").
    FormDialog *openQuota();

signals:
    void loaded();

private:
    void loadPage(const QString &path, QJsonArray soFar);
    void show(const QJsonArray &users);
    QJsonObject selectedUser() const;
    void updateButtons();
    void changeSelected(const QJsonObject &change, const QString &done);
    void resetPassword();
    void deleteSelected();

    client::ApiConnection &m_api;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_role;
    QPushButton *m_disable;
    QPushButton *m_password;
    QPushButton *m_quota;
    QPushButton *m_delete;
    QJsonArray m_users;
};

} // namespace hearth::ui
