#include "app/MainWindow.h"

#include "app/AdminPanel.h"
#include "app/AppStyle.h"
#include "app/ChatPanel.h"
#include "app/ConversationSidebar.h"
#include "app/DesktopNotifier.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "app/NavRail.h"
#include "app/SettingsPage.h"
#include "app/UsagePage.h"
#include "client/ApiConnection.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSettings>
#include <QtGui/QAction>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

MainWindow::MainWindow(client::ApiConnection &api, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_sidebar(new ConversationSidebar(api, this))
    , m_chat(new ChatPanel(api, this))
    , m_usage(new UsagePage(api, this))
    , m_settings(new SettingsPage(api, this))
    , m_splitter(new QSplitter(this))
{
    setWindowTitle(tr("Hearth"));
    resize(1100, 720);
    setStyleSheet(appStyleSheet());
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_chat);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 820});
    auto *pages = new QStackedWidget(this);
    m_rail = new NavRail(pages, this);
    m_rail->addPage(m_splitter, tr("Chat"), tr("Your conversations"));
    m_rail->addPage(m_usage, tr("Usage"), tr("Your tokens and calls"));
    if (api.isAdmin()) {
        // Built when first needed: its six pages would cost every start.
        m_adminPage = new QWidget(this);
        new QVBoxLayout(m_adminPage);
        m_adminPage->layout()->setContentsMargins(0, 0, 0, 0);
        m_rail->addPage(m_adminPage, tr("Admin"), tr("Users, providers, usage and the server"));
    }
    m_rail->addPage(m_settings, tr("Settings"), tr("Appearance, sharing and your account"), true);
    connect(m_rail, &NavRail::pageShown, this, [this](QWidget *page) {
        if (page == m_usage)
            m_usage->reload();
        else if (page == m_settings)
            m_settings->reload();
        else if (page == m_adminPage)
            admin()->refreshCurrent();
    });
    auto *central = new QWidget(this);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_rail);
    row->addWidget(pages, 1);
    setCentralWidget(central);
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
    // A reply that took a while may finish while the person is elsewhere.
    auto *notifier = new DesktopNotifier(this);
    connect(m_chat, &ChatPanel::replyFinished, notifier, [this, notifier] {
        const QList<MessageBubble *> bubbles = m_chat->view()->bubbles();
        if (!bubbles.isEmpty())
            notifier->replyFinished(m_chat->conversation().value(QLatin1String("title")).toString(),
                                    bubbles.last()->text());
    });
    connect(m_chat, &ChatPanel::conversationChanged, m_sidebar, &ConversationSidebar::reload);
    connect(m_chat, &ChatPanel::providerSettingsRequested, this, [this] {
        if (!m_adminPage)
            return;
        showAdmin();
        admin()->showProviders();
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
    m_rail->show(m_usage);
}

AdminPanel *MainWindow::admin()
{
    if (!m_admin && m_adminPage) {
        m_admin = new AdminPanel(m_api, m_adminPage);
        m_adminPage->layout()->addWidget(m_admin);
        m_admin->show(); // now, not when the layout gets round to it
    }
    return m_admin;
}

void MainWindow::showAdmin()
{
    if (m_adminPage)
        m_rail->show(m_adminPage);
}

void MainWindow::showSettings()
{
    m_rail->show(m_settings);
}

void MainWindow::showChat()
{
    m_rail->show(m_splitter);
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
    auto *find = new QAction(tr("Find in conversation"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        showChat();
        m_chat->openFind();
    });
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
    addActions({newChat, search, find, stop, settings, quit});
}

} // namespace hearth::ui
