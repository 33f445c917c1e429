#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace hearth::client {
class ApiConnection;
class MessageStream;
} // namespace hearth::client

namespace hearth::ui {

class Composer;
class MessageBubble;
class MessageView;

// One conversation: its messages, the model picker, the composer, and the
// reply being streamed (with Stop). Errors are shown in place, in plain words.
class ChatPanel final : public QWidget
{
    Q_OBJECT
public:
    ChatPanel(client::ApiConnection &api, QWidget *parent = nullptr);

    void open(const QString &conversationId, const QJsonObject &conversation);
    void startNew();
    void loadModels();
    bool isStreaming() const;
    MessageView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }
    QComboBox *modelPicker() const { return m_models; }
    QString conversationId() const { return m_conversationId; }

public slots:
    void send();
    void stop();

signals:
    void conversationCreated(const QString &id);
    void replyFinished();

private:
    void sendTo(const QString &conversationId, const QString &text);
    void showError(const QString &text, const QString &code, int retryAfter);
    void setStreaming(bool streaming);

    client::ApiConnection &m_api;
    QString m_conversationId;
    QLabel *m_title;
    QComboBox *m_models;
    MessageView *m_view;
    QLabel *m_error;
    Composer *m_composer;
    QPushButton *m_send;
    QPointer<client::MessageStream> m_stream;
    QPointer<MessageBubble> m_replyBubble;
    QTimer m_countdown;
    int m_waitSeconds = 0;
};

} // namespace hearth::ui
