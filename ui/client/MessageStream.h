#pragma once

#include "client/SseReader.h"

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>

class QNetworkReply;

namespace hearth::client {

// One streamed reply from POST …/messages: created, then a reasoning
// model's thinking, then deltas of the answer, then done — or failed, with
// the server's sentence and, for 429, when to try again.
class MessageStream final : public QObject
{
    Q_OBJECT
public:
    MessageStream(QNetworkReply *reply, QObject *parent);
    ~MessageStream() override;
    // Stops the reply; the server keeps what was produced as "cancelled".
    void stop();
    // Whether the server stored the question (message.created arrived).
    bool wasCreated() const { return m_created; }

signals:
    void created(const QJsonObject &userMessage, const QString &replyId);
    void reasoning(const QString &text);
    void delta(const QString &text);
    void done(const QJsonObject &message);
    void failed(const QString &error, const QString &code, int retryAfterSeconds);
    void stopped();

private:
    void onReadyRead();
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    SseReader m_reader;
    bool m_ended = false;
    bool m_created = false;
};

} // namespace hearth::client
