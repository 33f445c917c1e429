#pragma once

#include <QtCore/QJsonArray>
#include <QtCore/QObject>

class QWidget;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

class MessageBubble;

// The files of sent messages in the chat: shown under their question with
// previews fetched from the server; a picture opens whole in a window of
// its own, a document is saved where the user chooses.
class ChatAttachments final : public QObject
{
    Q_OBJECT
public:
    ChatAttachments(client::ApiConnection &api, QWidget *window);

    void show(MessageBubble *bubble, const QJsonArray &attachments);

signals:
    // A picture is open whole (tests).
    void pictureShown(QWidget *viewer);

private:
    void open(const QJsonObject &attachment);
    void showPicture(const QString &name, const QByteArray &bytes);
    void save(const QJsonObject &attachment);

    client::ApiConnection &m_api;
    QWidget *m_window;
};

} // namespace hearth::ui
