#include "app/ChatPanel.h"

#include "app/Composer.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "client/ApiConnection.h"
#include "client/MessageStream.h"

#include <QtCore/QJsonArray>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

ChatPanel::ChatPanel(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_title(new QLabel(this))
    , m_models(new QComboBox(this))
    , m_view(new MessageView(this))
    , m_error(new QLabel(this))
    , m_composer(new Composer(this))
    , m_send(new QPushButton(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_models->setAccessibleName(tr("Model"));
    m_models->setToolTip(tr("The model that answers"));
    m_models->setMinimumContentsLength(16);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(new QLabel(tr("Model:"), this));
    header->addWidget(m_models);

    m_error->setObjectName(QStringLiteral("errorBanner"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_composer, &Composer::sendRequested, this, &ChatPanel::send);
    connect(m_send, &QPushButton::clicked, this, [this] { isStreaming() ? stop() : send(); });
    setStreaming(false);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_composer, 1);
    bottom->addWidget(m_send, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_error);
    layout->addLayout(bottom);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        if (--m_waitSeconds <= 0) {
            m_countdown.stop();
            m_error->setVisible(false);
            return;
        }
        m_error->setText(tr("Too many messages for now. You can send again in %n second(s).",
                            nullptr, m_waitSeconds));
    });
    startNew();
}

bool ChatPanel::isStreaming() const
{
    return !m_stream.isNull();
}

void ChatPanel::setStreaming(bool streaming)
{
    m_send->setText(streaming ? tr("Stop") : tr("Send"));
    m_send->setToolTip(streaming ? tr("Stop the reply (Esc)") : tr("Send the message (Enter)"));
    m_send->setAccessibleName(m_send->text());
}

void ChatPanel::loadModels()
{
    connect(m_api.get(QStringLiteral("/v1/models")), &client::ApiCall::finished, this,
            [this](const client::ApiResult &result) {
                if (!result.ok())
                    return;
                const QString current = m_models->currentData().toString();
                m_models->clear();
                for (const QJsonValue &value :
                     result.json.object().value(QLatin1String("data")).toArray()) {
                    const QJsonObject model = value.toObject();
                    m_models->addItem(model.value(QLatin1String("name")).toString(),
                                      model.value(QLatin1String("id")).toString());
                }
                const int index = m_models->findData(current);
                if (index >= 0)
                    m_models->setCurrentIndex(index);
            });
}

void ChatPanel::startNew()
{
    stop();
    m_conversationId.clear();
    m_title->setText(tr("New chat"));
    m_view->clear();
    m_view->setPlaceholder(tr("Ask anything. Your conversations stay on this server."));
    m_error->setVisible(false);
    m_composer->setFocus();
}

void ChatPanel::open(const QString &conversationId, const QJsonObject &conversation)
{
    if (conversationId == m_conversationId)
        return;
    stop();
    m_conversationId = conversationId;
    m_title->setText(conversation.value(QLatin1String("title")).toString());
    m_view->clear();
    m_view->setPlaceholder(tr("Loading…"));
    m_error->setVisible(false);
    const int modelIndex =
        m_models->findData(conversation.value(QLatin1String("model")).toString());
    if (modelIndex >= 0)
        m_models->setCurrentIndex(modelIndex);
    connect(
        m_api.get(QStringLiteral("/v1/conversations/") + conversationId +
                  QStringLiteral("/messages?limit=500")),
        &client::ApiCall::finished, this, [this, conversationId](const client::ApiResult &result) {
            if (conversationId != m_conversationId)
                return; // another one was opened meanwhile
            m_view->setPlaceholder(result.ok() ? tr("No messages yet.") : result.error);
            for (const QJsonValue &value : result.json.array()) {
                const QJsonObject m = value.toObject();
                MessageBubble *bubble =
                    m_view->addMessage(m.value(QLatin1String("role")).toString(),
                                       m.value(QLatin1String("content")).toString());
                if (m.value(QLatin1String("finishReason")).toString() == QLatin1String("cancelled"))
                    bubble->setNote(tr("Stopped"));
            }
        });
}

void ChatPanel::send()
{
    const QString text = m_composer->toPlainText().trimmed();
    if (text.isEmpty() || isStreaming())
        return;
    if (!m_conversationId.isEmpty()) {
        sendTo(m_conversationId, text);
        return;
    }
    // The first message names the conversation.
    const QString title = text.left(40).simplified();
    connect(m_api.post(QStringLiteral("/v1/conversations"), {{QStringLiteral("title"), title}}),
            &client::ApiCall::finished, this, [this, text, title](const client::ApiResult &result) {
                if (!result.ok()) {
                    showError(result.error, result.code, result.retryAfter);
                    return;
                }
                m_conversationId = result.json.object().value(QLatin1String("id")).toString();
                m_title->setText(title);
                emit conversationCreated(m_conversationId);
                sendTo(m_conversationId, text);
            });
}

void ChatPanel::sendTo(const QString &conversationId, const QString &text)
{
    m_error->setVisible(false);
    QJsonObject body{{QStringLiteral("role"), QStringLiteral("user")},
                     {QStringLiteral("content"), text}};
    if (!m_models->currentData().toString().isEmpty())
        body.insert(QStringLiteral("model"), m_models->currentData().toString());
    m_stream = m_api.sendMessage(conversationId, body);
    setStreaming(true);
    connect(m_stream, &client::MessageStream::created, this, [this, text](const QJsonObject &) {
        m_composer->clear();
        m_view->addMessage(QStringLiteral("user"), text);
        m_replyBubble = m_view->addMessage(QStringLiteral("assistant"), QString());
    });
    connect(m_stream, &client::MessageStream::delta, this, [this](const QString &delta) {
        if (m_replyBubble)
            m_replyBubble->appendText(delta);
    });
    connect(m_stream, &client::MessageStream::done, this, [this](const QJsonObject &message) {
        if (m_replyBubble)
            m_replyBubble->setText(message.value(QLatin1String("content")).toString());
        m_stream->deleteLater();
        m_stream = nullptr;
        setStreaming(false);
        emit replyFinished();
    });
    connect(m_stream, &client::MessageStream::failed, this,
            [this](const QString &error, const QString &code, int retryAfter) {
                if (m_replyBubble && m_replyBubble->text().isEmpty())
                    delete m_replyBubble;
                else if (m_replyBubble)
                    m_replyBubble->setNote(tr("The reply was cut off."));
                showError(error, code, retryAfter);
                m_stream->deleteLater();
                m_stream = nullptr;
                setStreaming(false);
                emit replyFinished();
            });
}

void ChatPanel::stop()
{
    if (!m_stream)
        return;
    m_stream->stop();
    m_stream->deleteLater();
    m_stream = nullptr;
    if (m_replyBubble)
        m_replyBubble->setNote(tr("Stopped"));
    setStreaming(false);
    emit replyFinished();
}

void ChatPanel::showError(const QString &text, const QString &code, int retryAfter)
{
    if (code == QLatin1String("RATE_LIMITED") && retryAfter > 0) {
        m_waitSeconds = retryAfter;
        m_error->setText(tr("Too many messages for now. You can send again in %n second(s).",
                            nullptr, m_waitSeconds));
        m_countdown.start();
    } else if (code == QLatin1String("NO_PROVIDER")) {
        m_error->setText(tr("No model provider serves this model. An administrator can add one "
                            "(DeepSeek, OpenAI, or Ollama on this computer) in the admin panel."));
    } else {
        m_error->setText(text);
    }
    m_error->setVisible(true);
}

} // namespace hearth::ui
