#include "app/AdminPanel.h"

#include "app/AdminDatabasePage.h"
#include "app/AdminLogPage.h"
#include "app/AdminProvidersPage.h"
#include "app/AdminSettingsPage.h"
#include "app/AdminUsagePage.h"
#include "app/AdminUsersPage.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

namespace hearth::ui {

AdminPanel::AdminPanel(client::ApiConnection &api, QWidget *parent)
    : QTabWidget(parent)
    , m_users(new AdminUsersPage(api, this))
    , m_providers(new AdminProvidersPage(api, this))
    , m_usage(new AdminUsagePage(api, this))
    , m_log(new AdminLogPage(api, this))
    , m_settings(new AdminSettingsPage(api, this))
    , m_database(new AdminDatabasePage(api, this))
{
    setDocumentMode(true);
    addTab(m_users, tr("Users"));
    addTab(m_providers, tr("Providers"));
    addTab(m_usage, tr("Usage"));
    addTab(m_log, tr("Access log"));
    addTab(m_settings, tr("Server settings"));
    addTab(m_database, tr("Database"));
    connect(this, &QTabWidget::currentChanged, this, &AdminPanel::refreshCurrent);
    // The access log names users by email, as the users page knows them.
    connect(m_users, &AdminUsersPage::loaded, this, [this] {
        QHash<QString, QString> emails;
        for (const QJsonValue &user : m_users->users())
            emails.insert(user.toObject().value(QLatin1String("id")).toString(),
                          user.toObject().value(QLatin1String("email")).toString());
        m_log->setUserEmails(emails);
    });
}

void AdminPanel::refreshCurrent()
{
    QWidget *page = currentWidget();
    if (page == m_users)
        m_users->reload();
    else if (page == m_providers)
        m_providers->reload();
    else if (page == m_usage)
        m_usage->reload();
    else if (page == m_log && m_users->users().isEmpty()) {
        connect(m_users, &AdminUsersPage::loaded, m_log, &AdminLogPage::reload,
                Qt::SingleShotConnection);
        m_users->reload();
    } else if (page == m_log)
        m_log->reload();
    else if (page == m_settings)
        m_settings->reload();
    else if (page == m_database)
        m_database->reload();
}

void AdminPanel::showProviders()
{
    setCurrentWidget(m_providers);
}

} // namespace hearth::ui
