#pragma once

#include <QtWidgets/QMainWindow>

class QSplitter;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

class AdminPanel;
class ChatPanel;
class ConversationSidebar;
class NavRail;
class SettingsPage;
class UsagePage;

// The chat window: conversations on the left, the open one on the right.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(client::ApiConnection &api, QWidget *parent = nullptr);
    ~MainWindow() override;
    client::ApiConnection &api() const { return m_api; }

    ConversationSidebar *sidebar() const { return m_sidebar; }
    ChatPanel *chat() const { return m_chat; }
    UsagePage *usage() const { return m_usage; }
    // Null unless the signed-in user is an admin; built on first use.
    AdminPanel *admin();
    SettingsPage *settings() const { return m_settings; }
    void showUsage();
    void showAdmin();
    void showSettings();
    void showChat();
    // Brings back the size and place, the sidebar's width and the open
    // conversation of the last window that remembered them (QSettings), and
    // keeps this one's when it closes. The desktop app turns it on.
    void rememberLayout();
    int sidebarWidth() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void saveLayout() const;
    void createActions();

    client::ApiConnection &m_api;
    ConversationSidebar *m_sidebar;
    ChatPanel *m_chat;
    UsagePage *m_usage;
    QWidget *m_adminPage = nullptr; // its place in the rail, from the start
    AdminPanel *m_admin = nullptr;
    SettingsPage *m_settings;
    NavRail *m_rail = nullptr;
    QSplitter *m_splitter;
    bool m_remembersLayout = false;
};

} // namespace hearth::ui
