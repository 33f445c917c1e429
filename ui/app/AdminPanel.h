#pragma once

#include <QtWidgets/QTabWidget>

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

class AdminDatabasePage;
class AdminLogPage;
class AdminProvidersPage;
class AdminSettingsPage;
class AdminUsagePage;
class AdminUsersPage;

// The back office for admins: users, providers, everyone's usage, the
// access log, the server's settings and its database (backup, copy). Each page loads when first
// shown.
class AdminPanel final : public QTabWidget
{
    Q_OBJECT
public:
    explicit AdminPanel(client::ApiConnection &api, QWidget *parent = nullptr);

    AdminUsersPage *users() const { return m_users; }
    AdminProvidersPage *providers() const { return m_providers; }
    AdminUsagePage *usage() const { return m_usage; }
    AdminLogPage *log() const { return m_log; }
    AdminSettingsPage *settings() const { return m_settings; }
    AdminDatabasePage *database() const { return m_database; }
    void showProviders();
    // Loads the current page (again).
    void refreshCurrent();

private:
    AdminUsersPage *m_users;
    AdminProvidersPage *m_providers;
    AdminUsagePage *m_usage;
    AdminLogPage *m_log;
    AdminSettingsPage *m_settings;
    AdminDatabasePage *m_database;
};

} // namespace hearth::ui
