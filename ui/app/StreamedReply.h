#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace hearth::client {
class MessageStream;
}

namespace hearth::ui {

class MessageBubble;
class MessageView;

// A question sent and its reply as it streams into the view: once the
// server has stored the question, it and an empty reply join the view;
// reasoning and deltas flow into the reply; the end shows what the server
// stored. A reply stopped or broken off keeps what was written, with a note
// under it; one that produced nothing is taken away, as the server does.
class StreamedReply final : public QObject
{
    Q_OBJECT
public:
    // Takes `stream`. `question`: the text sent, shown once stored.
    StreamedReply(client::MessageStream *stream, MessageView *view, const QString &question,
                  QObject *parent = nullptr);
    ~StreamedReply() override;

    // Stops the reply; the server keeps what was produced as "cancelled".
    void stop();
    // Whether the server stored the question.
    bool wasCreated() const;

signals:
    void created(MessageBubble *question, MessageBubble *reply, const QJsonObject &userMessage);
    void finished();
    void failed(const QString &error, const QString &code, int retryAfter);

private:
    client::MessageStream *m_stream;
    QPointer<MessageView> m_view;
    QPointer<MessageBubble> m_reply;
};

} // namespace hearth::ui
