#include "app/StreamedReply.h"

#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "client/MessageStream.h"

namespace hearth::ui {

StreamedReply::StreamedReply(client::MessageStream *stream, MessageView *view,
                             const QString &question, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
    , m_view(view)
{
    m_stream->setParent(this);
    connect(m_stream, &client::MessageStream::created, this,
            [this, question](const QJsonObject &userMessage, const QString &replyId) {
                if (!m_view)
                    return;
                MessageBubble *asked = m_view->addMessage(QStringLiteral("user"), question);
                asked->setMessageId(userMessage.value(QLatin1String("id")).toString());
                m_reply = m_view->addMessage(QStringLiteral("assistant"), QString());
                m_reply->setMessageId(replyId);
                emit created(asked, m_reply, userMessage);
            });
    connect(m_stream, &client::MessageStream::reasoning, this, [this](const QString &delta) {
        if (m_reply)
            m_reply->appendReasoning(delta);
    });
    connect(m_stream, &client::MessageStream::delta, this, [this](const QString &delta) {
        if (!m_reply)
            return;
        m_reply->endReasoning(); // the answer has begun
        m_reply->appendText(delta);
    });
    connect(m_stream, &client::MessageStream::done, this, [this](const QJsonObject &message) {
        if (m_reply)
            m_reply->showStored(message);
        emit finished();
    });
    connect(m_stream, &client::MessageStream::failed, this,
            [this](const QString &error, const QString &code, int retryAfter) {
                if (m_reply && m_reply->text().isEmpty() && !m_reply->reasoning()) {
                    delete m_reply;
                } else if (m_reply) {
                    m_reply->endReasoning();
                    m_reply->setNote(MessageBubble::finishNote(QStringLiteral("error")));
                }
                emit failed(error, code, retryAfter);
            });
}

StreamedReply::~StreamedReply() = default;

void StreamedReply::stop()
{
    m_stream->stop();
    if (!m_reply)
        return;
    m_reply->endReasoning();
    m_reply->flush();
    m_reply->setNote(MessageBubble::finishNote(QStringLiteral("cancelled")));
}

bool StreamedReply::wasCreated() const
{
    return m_stream->wasCreated();
}

} // namespace hearth::ui
