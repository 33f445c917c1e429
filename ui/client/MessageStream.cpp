#include "client/MessageStream.h"

#include "client/ServerMessages.h"

#include "client/ApiCall.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonDocument>
#include <QtNetwork/QNetworkReply>

namespace hearth::client {

MessageStream::MessageStream(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    connect(reply, &QNetworkReply::readyRead, this, &MessageStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &MessageStream::onFinished);
}

MessageStream::~MessageStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void MessageStream::stop()
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    emit stopped();
}

void MessageStream::onReadyRead()
{
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return; // an error body: read whole in onFinished
    for (const SseReader::Event &event : m_reader.feed(m_reply->readAll())) {
        const QJsonObject data = QJsonDocument::fromJson(event.data).object();
        if (event.name == "message.created") {
            m_created = true;
            emit created(data.value(QLatin1String("userMessage")).toObject(),
                         data.value(QLatin1String("messageId")).toString());
        } else if (event.name == "message.reasoning") {
            emit reasoning(data.value(QLatin1String("delta")).toString());
        } else if (event.name == "message.delta") {
            emit delta(data.value(QLatin1String("delta")).toString());
        } else if (event.name == "message.done") {
            m_ended = true;
            emit done(data.value(QLatin1String("message")).toObject());
        } else if (event.name == "error") {
            m_ended = true;
            emit failed(localizedServerMessage(data.value(QLatin1String("error")).toString()),
                        data.value(QLatin1String("code")).toString(), 0);
        }
    }
}

void MessageStream::onFinished()
{
    if (m_ended)
        return;
    m_ended = true;
    const ApiResult result = ApiCall::resultOf(m_reply);
    if (result.status == 200)
        emit failed(QCoreApplication::translate("hearth::client::MessageStream",
                                                "The reply ended unexpectedly"),
                    QStringLiteral("UPSTREAM_ERROR"), 0);
    else
        emit failed(result.error, result.code, result.retryAfter);
}

} // namespace hearth::client
