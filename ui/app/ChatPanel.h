#pragma once

#include "app/ChatOptions.h"

#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace hearth::client {
class ApiConnection;
struct ApiResult;
} // namespace hearth::client

namespace hearth::ui {

class AttachmentTray;
class ChatAttachments;
class Composer;
class ConnectModelCard;
class EditBar;
class FindBar;
class ErrorBanner;
class MessageBubble;
class MessageView;
class ModelPicker;
class StreamedReply;

// One conversation: its messages, the model picker and chat settings, the
// composer, and the reply being streamed (with Stop). A question can be
// edited and sent again, and the last reply written again. Errors are shown
// in place, in plain words.
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
    ModelPicker *modelPicker() const { return m_models; }
    ErrorBanner *errorBanner() const { return m_error; }
    AttachmentTray *attachmentTray() const { return m_tray; }
    ChatAttachments *attachments() const { return m_attachments; }
    // The first run's offer, shown while the offline demo is the only model.
    ConnectModelCard *connectCard() const { return m_connectCard; }
    FindBar *findBar() const { return m_find; }
    QString conversationId() const { return m_conversationId; }
    QJsonObject conversation() const { return m_conversation; }
    ChatOptions options() const { return m_options; }
    bool isEditing() const;

public slots:
    void send();
    void stop();
    void editMessage(MessageBubble *bubble);
    void regenerate();
    void cancelEdit();
    QWidget *openOptions();
    // Ctrl+F: find text in the open conversation.
    void openFind();

signals:
    void conversationCreated(const QString &id);
    void conversationChanged();
    void replyFinished();
    void providerSettingsRequested();
    // The history on screen is complete (tests and benchmarks).
    void historyShown();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // `attachmentIds`: sent with it; `fromTray`: they are the tray's, which
    // empties once the message is taken.
    void sendTo(const QString &conversationId, const QString &text, bool newConversation,
                const QStringList &attachmentIds, bool fromTray);
    void endReply();
    void forgetEmptyConversation(const QString &conversationId);
    void rewindAndSend(MessageBubble *from, const QString &text);
    void loadHistory(const QString &path, bool older);
    void showHistory(const client::ApiResult &result, bool older);
    void showError(const QString &text, const QString &code, int retryAfter);
    void setStreaming(bool streaming);
    void updateActions();
    void updateConnectCard();
    void watch(MessageBubble *bubble);

    client::ApiConnection &m_api;
    QString m_conversationId;
    QJsonObject m_conversation;
    ChatOptions m_options;
    QString m_olderPage;
    QLabel *m_title;
    QToolButton *m_optionsButton;
    ModelPicker *m_models;
    MessageView *m_view;
    ErrorBanner *m_error;
    EditBar *m_editBar;
    Composer *m_composer;
    AttachmentTray *m_tray;
    ChatAttachments *m_attachments;
    QPushButton *m_send;
    QVBoxLayout *m_footer; // the composer and what goes above it
    FindBar *m_find;
    QWidget *m_connectPage;
    ConnectModelCard *m_connectCard;
    bool m_connectDismissed = false;
    QPointer<StreamedReply> m_reply; // while one streams
};

} // namespace hearth::ui
