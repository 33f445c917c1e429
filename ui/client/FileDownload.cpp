#include "client/FileDownload.h"

#include "client/ApiCall.h"

#include <QtCore/QCoreApplication>
#include <QtNetwork/QNetworkReply>

namespace hearth::client {

FileDownload::FileDownload(QNetworkReply *reply, const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_file(fileName)
{
    if (!m_file.open(QIODevice::WriteOnly))
        m_error = QCoreApplication::translate("hearth::client::FileDownload", "Cannot write %1: %2")
                      .arg(fileName, m_file.errorString());
    connect(m_reply, &QNetworkReply::readyRead, this, &FileDownload::writeAvailable);
    connect(m_reply, &QNetworkReply::finished, this, &FileDownload::finish);
}

FileDownload::~FileDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void FileDownload::cancel()
{
    m_error = QCoreApplication::translate("hearth::client::FileDownload", "Export cancelled");
    m_reply->abort(); // finished() follows
}

void FileDownload::writeAvailable()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 || !m_error.isEmpty())
        return; // an error's body is read in finish()
    const QByteArray chunk = m_reply->readAll();
    if (m_file.write(chunk) != chunk.size()) {
        m_error = m_file.errorString();
        m_reply->abort();
        return;
    }
    m_lines += chunk.count('\n');
    m_bytes += chunk.size();
    emit progress(m_lines);
    emit bytesReceived(m_bytes, m_reply->rawHeader("X-File-Size").toLongLong());
}

void FileDownload::finish()
{
    if (m_error.isEmpty()) {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200)
            m_error = ApiCall::resultOf(m_reply).error;
        else if (m_reply->error() != QNetworkReply::NoError)
            m_error = QCoreApplication::translate("hearth::client::FileDownload",
                                                  "The download broke off: %1")
                          .arg(m_reply->errorString());
    }
    if (m_error.isEmpty()) {
        writeAvailable();
        if (!m_file.commit())
            m_error = m_file.errorString();
    } else {
        m_file.cancelWriting();
    }
    m_reply->deleteLater();
    m_reply = nullptr;
    emit finished(m_error);
    deleteLater();
}

} // namespace hearth::client
