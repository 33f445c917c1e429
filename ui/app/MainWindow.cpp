#include "app/MainWindow.h"

#include "app/AdminPanel.h"
#include "app/ChatPanel.h"
#include "app/ConversationSidebar.h"
#include "app/SettingsPage.h"
#include "app/UsagePage.h"
#include "client/ApiConnection.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSettings>
#include <QtGui/QAction>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>

namespace hearth::ui {

MainWindow::MainWindow(client::ApiConnection &api, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_sidebar(new ConversationSidebar(api, this))
    , m_chat(new ChatPanel(api, this))
    , m_usage(new UsagePage(api, this))
    , m_settings(new SettingsPage(api, this))
    , m_tabs(new QTabWidget(this))
    , m_splitter(new QSplitter(this))
{
    setWindowTitle(tr("Hearth"));
    resize(1100, 720);
    // Palette roles, not colours, so light and dark themes both read well.
    setStyleSheet(QStringLiteral(
        "#userBubble { background: palette(alternate-base); border: 1px solid palette(mid);"
        " border-radius: 10px; margin-left: 80px; }"
        "#assistantBubble { background: palette(base); border: 1px solid palette(midlight);"
        " border-radius: 10px; margin-right: 40px; }"
        "#messageNote { color: palette(mid); font-style: italic; }"
        "#codeBlock { background: palette(window); border: 1px solid palette(midlight);"
        " border-radius: 6px; }"
        "#codeLanguage { color: palette(mid); font-size: 11px; }"
        "#placeholder { color: palette(mid); font-size: 15px; }"
        "#connectCard { background: palette(base); border: 1px solid palette(midlight);"
        " border-radius: 12px; }"
        "#connectTitle { font-size: 20px; font-weight: 600; }"
        "#connectStatus[problem=\"true\"] { color: #b3261e; }"
        "#connectChoice { border: 1px solid palette(mid); border-radius: 6px;"
        " padding: 6px 14px; background: palette(button); }"
        "#connectChoice:hover { border-color: palette(highlight); }"
        "#connectChoice:checked { border: 2px solid palette(highlight); padding: 5px 13px;"
        " background: palette(base); }"
        "#errorBanner { color: #8c1d18; background: #fdecea; border: 1px solid #f2b8b5;"
        " border-radius: 6px; padding: 8px; }"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_chat);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 820});
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_splitter, tr("Chat"));
    m_tabs->addTab(m_usage, tr("Usage"));
    if (api.isAdmin()) {
        m_admin = new AdminPanel(api, this);
        m_tabs->addTab(m_admin, tr("Admin"));
    }
    m_tabs->addTab(m_settings, tr("Settings"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_usage)
            m_usage->reload();
        else if (m_tabs->widget(index) == m_settings)
            m_settings->reload();
        else if (m_admin && m_tabs->widget(index) == m_admin)
            m_admin->refreshCurrent();
    });
    setCentralWidget(m_tabs);
    createActions();

    connect(m_sidebar, &ConversationSidebar::conversationChosen, m_chat, &ChatPanel::open);
    connect(m_sidebar, &ConversationSidebar::newConversationRequested, m_chat,
            &ChatPanel::startNew);
    connect(m_sidebar, &ConversationSidebar::failed, this,
            [this](const QString &error) { statusBar()->showMessage(error); });
    connect(m_chat, &ChatPanel::conversationCreated, m_sidebar, [this](const QString &id) {
        m_sidebar->select(id);
        m_sidebar->reload();
    });
    connect(m_chat, &ChatPanel::replyFinished, m_sidebar, &ConversationSidebar::reload);
    connect(m_chat, &ChatPanel::conversationChanged, m_sidebar, &ConversationSidebar::reload);
    connect(m_chat, &ChatPanel::providerSettingsRequested, this, [this] {
        if (!m_admin)
            return;
        showAdmin();
        m_admin->showProviders();
    });
    const QString who = api.user().value(QLatin1String("name")).toString();
    statusBar()->showMessage(
        tr("Signed in as %1 on %2")
            .arg(who.isEmpty() ? api.user().value(QLatin1String("email")).toString() : who,
                 api.baseUrl().toString()));
    m_sidebar->reload();
    m_chat->loadModels();
}

namespace {
const QString geometryKey = QStringLiteral("window/geometry");
const QString splitterKey = QStringLiteral("window/sidebar");
const QString conversationKey = QStringLiteral("window/conversation");
} // namespace

MainWindow::~MainWindow()
{
    saveLayout(); // also when the app quits without closing the window
}

void MainWindow::rememberLayout()
{
    m_remembersLayout = true;
    const QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    const QString last = settings.value(conversationKey).toString();
    if (last.isEmpty())
        return;
    m_sidebar->select(last); // once the list has it (quietly: a list reloads)
    auto reopen = std::make_shared<QMetaObject::Connection>();
    *reopen = connect(m_sidebar, &ConversationSidebar::loaded, this, [this, last, reopen] {
        disconnect(*reopen);
        if (m_chat->conversationId().isEmpty() && m_sidebar->currentId() == last)
            m_chat->open(last, m_sidebar->currentConversation());
    });
}

int MainWindow::sidebarWidth() const
{
    return m_splitter->sizes().value(0);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout() const
{
    if (!m_remembersLayout)
        return;
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(conversationKey, m_chat->conversationId());
}

void MainWindow::showUsage()
{
    m_tabs->setCurrentWidget(m_usage);
}

void MainWindow::showAdmin()
{
    if (m_admin)
        m_tabs->setCurrentWidget(m_admin);
}

void MainWindow::showSettings()
{
    m_tabs->setCurrentWidget(m_settings);
}

void MainWindow::showChat()
{
    m_tabs->setCurrentIndex(0);
}

void MainWindow::createActions()
{
    auto *newChat = new QAction(tr("New chat"), this);
    newChat->setShortcut(QKeySequence::New);
    connect(newChat, &QAction::triggered, this, [this] {
        showChat();
        m_chat->startNew();
    });
    auto *search = new QAction(tr("Search conversations"), this);
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(search, &QAction::triggered, m_sidebar, &ConversationSidebar::focusSearch);
    auto *stop = new QAction(tr("Stop the reply"), this);
    stop->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(stop, &QAction::triggered, m_chat, &ChatPanel::stop);
    auto *settings = new QAction(tr("Settings"), this);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    // Closing the window may keep Hearth serving the network; this always quits.
    auto *quit = new QAction(tr("Quit Hearth"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    addActions({newChat, search, stop, settings, quit});
}

} // namespace hearth::ui
