#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

// The list of conversations, grouped Today / Yesterday / Last 7 days /
// Older, with search, new, rename and delete.
class ConversationSidebar final : public QWidget
{
    Q_OBJECT
public:
    ConversationSidebar(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    void focusSearch();
    QString currentId() const;
    QJsonObject currentConversation() const;
    void select(const QString &id);
    int conversationCount() const;

signals:
    void conversationChosen(const QString &id, const QJsonObject &conversation);
    void newConversationRequested();
    void loaded();
    void failed(const QString &error);

private:
    void show(const QList<QJsonObject> &conversations);
    void showMenu(const QPoint &pos);
    void rename(QTreeWidgetItem *item);
    void remove(QTreeWidgetItem *item);

    client::ApiConnection &m_api;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QTimer m_searchDelay;
    QString m_selectAfterLoad;
};

} // namespace hearth::ui
