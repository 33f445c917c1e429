#include "app/ChatPanel.h"

#include "app/AttachmentTray.h"
#include "app/ChatAttachments.h"
#include "app/Composer.h"
#include "app/ConnectModelCard.h"
#include "app/EditBar.h"
#include "app/ErrorBanner.h"
#include "app/FindBar.h"
#include "app/FormDialog.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "app/ModelPicker.h"
#include "app/StreamedReply.h"
#include "client/ApiConnection.h"

#include <QtCore/QJsonArray>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>
#include <utility>

namespace hearth::ui {

namespace {
constexpr int historyPageSize = 100;
} // namespace

ChatPanel::ChatPanel(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_title(new QLabel(this))
    , m_optionsButton(new QToolButton(this))
    , m_models(new ModelPicker(api, this))
    , m_view(new MessageView(this))
    , m_error(new ErrorBanner(this))
    , m_editBar(new EditBar(this))
    , m_composer(new Composer(this))
    , m_tray(new AttachmentTray(api, this))
    , m_attachments(new ChatAttachments(api, this))
    , m_send(new QPushButton(this))
    , m_footer(new QVBoxLayout)
    , m_find(new FindBar(m_view, this))
    , m_connectPage(new QWidget(this))
    , m_connectCard(new ConnectModelCard(api, m_connectPage))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_optionsButton->setText(tr("Chat settings…"));
    m_optionsButton->setToolTip(tr("System prompt, temperature and reply length of this chat"));
    m_optionsButton->setAccessibleName(tr("Chat settings"));
    connect(m_optionsButton, &QToolButton::clicked, this, &ChatPanel::openOptions);
    connect(m_models, &ModelPicker::listed, this, &ChatPanel::updateConnectCard);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_optionsButton);
    header->addWidget(new QLabel(tr("Model:"), this));
    header->addWidget(m_models);

    connect(m_error, &ErrorBanner::providerSettingsRequested, this,
            &ChatPanel::providerSettingsRequested);
    connect(m_view, &MessageView::olderRequested, this, [this] {
        if (!m_olderPage.isEmpty())
            loadHistory(m_olderPage, true);
    });
    // A page that came in is searched too, while the find bar is open.
    connect(this, &ChatPanel::historyShown, m_find, [this] {
        if (m_find->isVisible())
            m_find->refresh();
    });

    connect(m_editBar, &EditBar::cancelRequested, this, &ChatPanel::cancelEdit);

    m_send->setObjectName(QStringLiteral("sendButton"));
    connect(m_composer, &Composer::sendRequested, this, &ChatPanel::send);
    connect(m_send, &QPushButton::clicked, this, [this] { isStreaming() ? stop() : send(); });
    setStreaming(false);
    connect(m_composer, &Composer::imagePasted, m_tray, &AttachmentTray::addImage);
    connect(m_composer, &Composer::filesPasted, m_tray, &AttachmentTray::addFiles);
    connect(m_tray, &AttachmentTray::problem, this,
            [this](const QString &text) { showError(text, {}, 0); });
    m_tray->acceptDropsOn(this);
    // One rounded field: attach, the text, send or stop.
    auto *composerFrame = new QFrame(this);
    composerFrame->setObjectName(QStringLiteral("composerFrame"));
    auto *inside = new QHBoxLayout(composerFrame);
    inside->setContentsMargins(8, 6, 8, 6);
    inside->addWidget(m_tray->makeAttachButton(composerFrame), 0, Qt::AlignBottom);
    inside->addWidget(m_composer, 1);
    inside->addWidget(m_send, 0, Qt::AlignBottom);

    connect(m_connectCard, &ConnectModelCard::dismissed, this, [this] {
        m_connectDismissed = true;
        updateConnectCard();
    });
    connect(m_connectCard, &ConnectModelCard::connected, this,
            [this](const QString &provider, const QString &preferred) {
                m_models->preferOnce(preferred);
                m_view->setPlaceholder(
                    tr("Connected to %1. Ask anything; the model picker above has its models.")
                        .arg(provider));
                m_models->reload();
            });
    // The offer sits near the top of the empty chat, centred, at its own height.
    auto *cardRow = new QHBoxLayout;
    cardRow->addStretch(1);
    cardRow->addWidget(m_connectCard, 3);
    cardRow->addStretch(1);
    auto *connectLayout = new QVBoxLayout(m_connectPage);
    connectLayout->setContentsMargins(0, 24, 0, 0);
    connectLayout->addLayout(cardRow);
    connectLayout->addStretch(1);
    m_connectPage->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(header);
    layout->addWidget(m_find);
    layout->addWidget(m_connectPage, 1);
    layout->addWidget(m_view, 1);
    // Under the conversation, as wide as its column.
    m_footer->addWidget(m_error);
    m_footer->addWidget(m_editBar);
    m_footer->addWidget(m_tray);
    m_footer->addWidget(composerFrame);
    layout->addLayout(m_footer);
    startNew();
}

bool ChatPanel::isStreaming() const
{
    return !m_reply.isNull();
}

bool ChatPanel::isEditing() const
{
    return m_editBar->isEditing();
}

void ChatPanel::setStreaming(bool streaming)
{
    m_send->setText(streaming ? tr("Stop") : tr("Send"));
    m_send->setToolTip(streaming ? tr("Stop the reply (Esc)") : tr("Send the message (Enter)"));
    m_send->setAccessibleName(m_send->text());
    updateActions();
}

void ChatPanel::loadModels()
{
    m_models->reload();
}

void ChatPanel::startNew()
{
    stop();
    cancelEdit();
    m_conversationId.clear();
    m_conversation = {};
    m_options = {};
    m_olderPage.clear();
    m_title->setText(tr("New chat"));
    m_view->clear();
    m_view->setPlaceholder(tr("Ask anything. Your conversations stay on this server."));
    m_error->dismiss();
    m_find->close();
    updateConnectCard();
    m_composer->setFocus();
}

void ChatPanel::open(const QString &conversationId, const QJsonObject &conversation)
{
    if (conversationId == m_conversationId)
        return;
    stop();
    cancelEdit();
    m_conversationId = conversationId;
    m_conversation = conversation;
    m_options = ChatOptions::fromConversation(conversation);
    m_title->setText(conversation.value(QLatin1String("title")).toString());
    m_view->clear();
    m_view->setPlaceholder(tr("Loading…"));
    m_error->dismiss();
    m_find->close();
    updateConnectCard();
    const int modelIndex =
        m_models->findData(conversation.value(QLatin1String("model")).toString());
    if (modelIndex >= 0)
        m_models->setCurrentIndex(modelIndex);
    loadHistory(QStringLiteral("/v1/conversations/%1/messages?limit=%2")
                    .arg(conversationId)
                    .arg(historyPageSize),
                false);
}

void ChatPanel::loadHistory(const QString &path, bool older)
{
    const QString conversationId = m_conversationId;
    connect(m_api.get(path), &client::ApiCall::finished, this,
            [this, conversationId, older](const client::ApiResult &result) {
                if (conversationId == m_conversationId) // not another one opened meanwhile
                    showHistory(result, older);
            });
}

void ChatPanel::showHistory(const client::ApiResult &result, bool older)
{
    if (!result.ok() && !older) {
        m_view->setPlaceholder(result.error);
        return;
    }
    if (!result.ok()) {
        showError(result.error, result.code, result.retryAfter);
        m_view->setHasOlder(true); // the next try may work
        if (m_find->isVisible())
            m_find->refresh();
        return;
    }
    const QJsonArray messages = result.json.array();
    QList<QPair<QString, QString>> roleAndText;
    roleAndText.reserve(messages.size());
    for (const QJsonValue &value : messages) {
        const QJsonObject m = value.toObject();
        roleAndText.append({m.value(QLatin1String("role")).toString(),
                            m.value(QLatin1String("content")).toString()});
    }
    QList<MessageBubble *> added;
    m_view->prependMessages(roleAndText, &added);
    for (int i = 0; i < added.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        added.at(i)->showStored(m);
        m_attachments->show(added.at(i), m.value(QLatin1String("attachments")).toArray());
        watch(added.at(i));
    }
    if (!older && messages.isEmpty())
        m_view->setPlaceholder(tr("No messages yet."));
    m_olderPage = result.nextPage;
    m_view->setHasOlder(!m_olderPage.isEmpty());
    updateActions();
    emit historyShown();
}

void ChatPanel::resizeEvent(QResizeEvent *event)
{
    // The composer lines up with the conversation's column.
    const int side = MessageView::sideMargin(m_view->viewport()->width()) -
                     m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent) / 2;
    m_footer->setContentsMargins(std::max(0, side), 0, std::max(0, side), 0);
    QWidget::resizeEvent(event);
}

void ChatPanel::openFind()
{
    m_find->open();
}

void ChatPanel::updateConnectCard()
{
    // Only in an empty new chat: a conversation on screen is not interrupted.
    const bool offer = m_models->isDemoOnly() && !m_connectDismissed && m_conversationId.isEmpty();
    m_connectPage->setVisible(offer);
    m_view->setVisible(!offer);
}

void ChatPanel::watch(MessageBubble *bubble)
{
    connect(bubble, &MessageBubble::editRequested, this, [this, bubble] { editMessage(bubble); });
    connect(bubble, &MessageBubble::regenerateRequested, this, &ChatPanel::regenerate);
}

void ChatPanel::updateActions()
{
    const QList<MessageBubble *> bubbles = m_view->bubbles();
    const bool idle = !isStreaming();
    for (int i = 0; i < bubbles.size(); ++i) {
        MessageBubble *bubble = bubbles.at(i);
        const bool known = !bubble->messageId().isEmpty();
        const bool isQuestion = bubble->role() == QLatin1String("user");
        const bool lastReply = i == bubbles.size() - 1 && !isQuestion && i > 0 &&
                               bubbles.at(i - 1)->role() == QLatin1String("user") &&
                               !bubbles.at(i - 1)->messageId().isEmpty();
        bubble->setActionsEnabled(idle && known && isQuestion, idle && known && lastReply);
    }
}

void ChatPanel::send()
{
    const QString text = m_composer->toPlainText().trimmed();
    if (isStreaming() || (text.isEmpty() && !m_tray->hasFiles()))
        return;
    if (m_tray->isUploading()) {
        showError(tr("Wait until the files have been uploaded."), {}, 0);
        return;
    }
    if (isEditing()) {
        for (MessageBubble *bubble : m_view->bubbles()) {
            if (bubble->messageId() == m_editBar->messageId()) {
                rewindAndSend(bubble, text);
                return;
            }
        }
        cancelEdit(); // the message is gone from view: send as new
    }
    if (!m_conversationId.isEmpty()) {
        sendTo(m_conversationId, text, false, m_tray->readyIds(), true);
        return;
    }
    // The first message (or its first file) names the conversation.
    const QString title = text.isEmpty() ? m_tray->firstName() : text.left(40).simplified();
    QJsonObject body{{QStringLiteral("title"), title}};
    if (!m_options.isDefault()) {
        const QJsonObject fields = m_options.conversationFields({});
        for (auto it = fields.begin(); it != fields.end(); ++it)
            body.insert(it.key(), it.value());
    }
    connect(m_api.post(QStringLiteral("/v1/conversations"), body), &client::ApiCall::finished, this,
            [this, text, title](const client::ApiResult &result) {
                if (!result.ok()) {
                    showError(result.error, result.code, result.retryAfter);
                    return;
                }
                m_conversation = result.json.object();
                m_conversationId = m_conversation.value(QLatin1String("id")).toString();
                m_title->setText(title);
                updateConnectCard();
                sendTo(m_conversationId, text, true, m_tray->readyIds(), true);
            });
}

void ChatPanel::rewindAndSend(MessageBubble *from, const QString &text)
{
    const QPointer<MessageBubble> target = from;
    const QString conversationId = m_conversationId;
    const QStringList attachmentIds = from->attachmentIds(); // an edited question keeps its files
    connect(m_api.post(QStringLiteral("/v1/conversations/%1/rewind").arg(conversationId),
                       {{QStringLiteral("messageId"), from->messageId()}}),
            &client::ApiCall::finished, this,
            [this, target, conversationId, text, attachmentIds](const client::ApiResult &result) {
                if (conversationId != m_conversationId)
                    return;
                if (!result.ok()) {
                    showError(result.error, result.code, result.retryAfter);
                    return;
                }
                if (target)
                    m_view->removeFrom(target);
                m_editBar->end();
                sendTo(conversationId, text, false, attachmentIds, false);
            });
}

void ChatPanel::sendTo(const QString &conversationId, const QString &text, bool newConversation,
                       const QStringList &attachmentIds, bool fromTray)
{
    m_error->dismiss();
    QJsonObject body{{QStringLiteral("role"), QStringLiteral("user")},
                     {QStringLiteral("content"), text}};
    if (!m_models->currentModelId().isEmpty())
        body.insert(QStringLiteral("model"), m_models->currentModelId());
    if (!attachmentIds.isEmpty())
        body.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(attachmentIds));
    m_options.addTo(body);
    m_reply = new StreamedReply(m_api.sendMessage(conversationId, body), m_view, text, this);
    setStreaming(true);
    connect(m_reply, &StreamedReply::created, this,
            [this, text, conversationId, newConversation, fromTray](
                MessageBubble *question, MessageBubble *reply, const QJsonObject &userMessage) {
                // The sidebar lists a new conversation once it has a message.
                if (newConversation)
                    emit conversationCreated(conversationId);
                // Only now: a refused message stays in the composer.
                if (m_composer->toPlainText().trimmed() == text)
                    m_composer->clear();
                if (fromTray)
                    m_tray->clearSent();
                m_attachments->show(question,
                                    userMessage.value(QLatin1String("attachments")).toArray());
                watch(question);
                watch(reply);
            });
    connect(m_reply, &StreamedReply::finished, this, &ChatPanel::endReply);
    connect(m_reply, &StreamedReply::failed, this,
            [this, conversationId, newConversation](const QString &error, const QString &code,
                                                    int retryAfter) {
                // Refused before anything was stored (a limit, no provider):
                // the conversation made for this message would stay empty.
                if (newConversation && !m_reply->wasCreated())
                    forgetEmptyConversation(conversationId);
                showError(error, code, retryAfter);
                endReply();
            });
}

void ChatPanel::endReply()
{
    m_reply->deleteLater();
    m_reply = nullptr;
    setStreaming(false);
    emit replyFinished();
}

void ChatPanel::forgetEmptyConversation(const QString &conversationId)
{
    m_api.remove(QStringLiteral("/v1/conversations/") + conversationId);
    if (m_conversationId != conversationId)
        return;
    // Keep the chosen options for the next try, which creates it anew.
    m_conversationId.clear();
    m_conversation = {};
    m_title->setText(tr("New chat"));
}

void ChatPanel::stop()
{
    if (!m_reply)
        return;
    m_reply->stop();
    endReply();
}

void ChatPanel::editMessage(MessageBubble *bubble)
{
    if (isStreaming() || bubble->messageId().isEmpty())
        return;
    m_editBar->begin(bubble->messageId());
    m_composer->setPlainText(bubble->text());
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
}

void ChatPanel::cancelEdit()
{
    if (!m_editBar->isEditing())
        return;
    m_editBar->end();
    m_composer->clear();
}

void ChatPanel::regenerate()
{
    const QList<MessageBubble *> bubbles = m_view->bubbles();
    if (isStreaming() || bubbles.size() < 2)
        return;
    MessageBubble *question = bubbles.at(bubbles.size() - 2);
    if (question->role() != QLatin1String("user") || question->messageId().isEmpty())
        return;
    rewindAndSend(question, question->text());
}

QWidget *ChatPanel::openOptions()
{
    return editChatOptions(this, m_options, [this](FormDialog *dialog, const ChatOptions &chosen) {
        if (m_conversationId.isEmpty()) { // kept for the conversation the first message creates
            m_options = chosen;
            dialog->accept();
            return;
        }
        const QJsonObject fields =
            chosen.conversationFields(m_conversation.value(QLatin1String("metadata")).toObject());
        connect(m_api.patch(QStringLiteral("/v1/conversations/") + m_conversationId, fields),
                &client::ApiCall::finished, dialog,
                [this, dialog, chosen](const client::ApiResult &result) {
                    if (!result.ok()) {
                        dialog->showError(result.error);
                        return;
                    }
                    m_conversation = result.json.object();
                    m_options = chosen;
                    dialog->accept();
                    emit conversationChanged();
                });
    });
}

void ChatPanel::showError(const QString &text, const QString &code, int retryAfter)
{
    m_error->showError(text, code, retryAfter, m_api.isAdmin());
}

} // namespace hearth::ui
