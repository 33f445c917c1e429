#include "app/ConversationSidebar.h"

#include "app/Confirm.h"
#include "app/DateGroups.h"
#include "client/ApiConnection.h"

#include <QtCore/QJsonArray>
#include <QtCore/QUrlQuery>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

namespace {
constexpr int IdRole = Qt::UserRole;
constexpr int JsonRole = Qt::UserRole + 1;
} // namespace

ConversationSidebar::ConversationSidebar(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    auto *newButton = new QPushButton(tr("New chat"), this);
    newButton->setObjectName(QStringLiteral("newChatButton"));
    newButton->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    connect(newButton, &QPushButton::clicked, this, &ConversationSidebar::newConversationRequested);
    m_search->setPlaceholderText(tr("Search conversations (Ctrl+K)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search conversations"));
    m_tree->setObjectName(QStringLiteral("conversationList"));
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(0);
    m_tree->setAccessibleName(tr("Conversations"));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &ConversationSidebar::showMenu);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, IdRole).toString().isEmpty())
            emit conversationChosen(item->data(0, IdRole).toString(),
                                    item->data(0, JsonRole).toJsonObject());
    });
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &ConversationSidebar::reload);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(newButton);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
}

void ConversationSidebar::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

QString ConversationSidebar::currentId() const
{
    return m_tree->currentItem() ? m_tree->currentItem()->data(0, IdRole).toString() : QString();
}

QJsonObject ConversationSidebar::currentConversation() const
{
    return m_tree->currentItem() ? m_tree->currentItem()->data(0, JsonRole).toJsonObject()
                                 : QJsonObject();
}

int ConversationSidebar::conversationCount() const
{
    int count = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        count += m_tree->topLevelItem(i)->childCount();
    return count;
}

void ConversationSidebar::select(const QString &id)
{
    m_selectAfterLoad = id;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            if (group->child(j)->data(0, IdRole).toString() == id) {
                m_tree->setCurrentItem(group->child(j));
                m_selectAfterLoad.clear();
            }
        }
    }
}

void ConversationSidebar::reload()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    if (!m_search->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("q"), m_search->text().trimmed());
    auto *call =
        m_api.get(QStringLiteral("/v1/conversations?") + query.toString(QUrl::FullyEncoded));
    connect(call, &client::ApiCall::finished, this, [this](const client::ApiResult &result) {
        if (!result.ok()) {
            emit failed(result.error);
            return;
        }
        QList<QJsonObject> conversations;
        for (const QJsonValue &value : result.json.array())
            conversations << value.toObject();
        show(conversations);
        emit loaded();
    });
}

void ConversationSidebar::show(const QList<QJsonObject> &conversations)
{
    const QString current = m_selectAfterLoad.isEmpty() ? currentId() : m_selectAfterLoad;
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    QTreeWidgetItem *groups[4] = {};
    const QDateTime now = QDateTime::currentDateTime();
    for (const QJsonObject &c : conversations) {
        const QDateTime updated = QDateTime::fromString(
            c.value(QLatin1String("updatedAt")).toString(), Qt::ISODateWithMs);
        const int g = int(dateGroupOf(updated, now));
        if (!groups[g]) {
            groups[g] = new QTreeWidgetItem(m_tree, {dateGroupTitle(DateGroup(g))});
            groups[g]->setFlags(Qt::ItemIsEnabled);
            QFont font = groups[g]->font(0);
            font.setBold(true);
            font.setPointSizeF(font.pointSizeF() * 0.85);
            groups[g]->setFont(0, font);
            groups[g]->setForeground(0, m_tree->palette().brush(QPalette::PlaceholderText));
        }
        const QString title = c.value(QLatin1String("title")).toString();
        auto *item = new QTreeWidgetItem(
            groups[g],
            {(c.value(QLatin1String("pinned")).toBool() ? QStringLiteral("📌 ") : QString()) +
             title});
        item->setToolTip(0, title);
        item->setData(0, IdRole, c.value(QLatin1String("id")).toString());
        item->setData(0, JsonRole, c);
    }
    // The server lists newest first, so groups appear in their natural order.
    m_tree->expandAll();
    if (!current.isEmpty())
        select(current);
}

void ConversationSidebar::showMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    if (!item || item->data(0, IdRole).toString().isEmpty())
        return;
    QMenu menu(this);
    const bool pinned =
        item->data(0, JsonRole).toJsonObject().value(QLatin1String("pinned")).toBool();
    menu.addAction(tr("Rename…"), this, [this, item] { rename(item); });
    menu.addAction(pinned ? tr("Unpin") : tr("Pin"), this, [this, item, pinned] {
        connect(m_api.patch(QStringLiteral("/v1/conversations/") + item->data(0, IdRole).toString(),
                            {{QStringLiteral("pinned"), !pinned}}),
                &client::ApiCall::finished, this, &ConversationSidebar::reload);
    });
    menu.addAction(tr("Archive"), this, [this, item] {
        connect(m_api.patch(QStringLiteral("/v1/conversations/") + item->data(0, IdRole).toString(),
                            {{QStringLiteral("archived"), true}}),
                &client::ApiCall::finished, this, &ConversationSidebar::reload);
    });
    menu.addSeparator();
    menu.addAction(tr("Delete…"), this, [this, item] { remove(item); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void ConversationSidebar::rename(QTreeWidgetItem *item)
{
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename conversation"), tr("Title:"),
                                                QLineEdit::Normal, item->toolTip(0), &ok)
                              .trimmed();
    if (!ok || title.isEmpty())
        return;
    connect(m_api.patch(QStringLiteral("/v1/conversations/") + item->data(0, IdRole).toString(),
                        {{QStringLiteral("title"), title}}),
            &client::ApiCall::finished, this, &ConversationSidebar::reload);
}

void ConversationSidebar::remove(QTreeWidgetItem *item)
{
    const QString id = item->data(0, IdRole).toString();
    confirmDestructive(
        this, tr("Delete conversation"),
        tr("Delete \"%1\" and all its messages? This cannot be undone.").arg(item->toolTip(0)),
        tr("Delete"), [this, id] {
            connect(m_api.remove(QStringLiteral("/v1/conversations/") + id),
                    &client::ApiCall::finished, this, &ConversationSidebar::reload);
        });
}

} // namespace hearth::ui
