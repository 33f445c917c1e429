#include "api/attachments/AttachmentDownload.h"

#include "api/ApiReply.h"
#include "http/DownloadPacer.h"

#include <QtCore/QUrl>
#include <QtNetwork/QTcpSocket>

namespace hearth {

namespace {

// RFC 6266: a plain ASCII name for old clients, the real one percent-encoded.
QByteArray disposition(const AttachmentRecord &a)
{
    QByteArray ascii;
    for (const QChar c : a.name)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\')
                     ? char(c.unicode())
                     : '_';
    // Pictures show in the page; anything else is saved, never rendered by
    // the browser on our origin.
    const QByteArray type = a.kind == QLatin1String("image") ? "inline" : "attachment";
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" +
           QUrl::toPercentEncoding(a.name);
}

} // namespace

AttachmentDownload::AttachmentDownload(AttachmentRepository &repository,
                                       AttachmentRecord attachment, ResponderPtr responder,
                                       QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_attachment(std::move(attachment))
    , m_responder(std::move(responder))
{}

void AttachmentDownload::start()
{
    // The first piece before the headers: a database that is away gets a
    // proper error answer.
    const Outcome<QByteArray> first = m_repository.piece(m_attachment.id, m_next++);
    if (!first || first->isEmpty()) {
        replyError(m_responder, first ? ApiError::internal() : first.error());
        deleteLater();
        return;
    }
    m_responder->beginStream(200, m_attachment.mediaType,
                             {{"Content-Disposition", disposition(m_attachment)},
                              // An id's bytes never change.
                              {"Cache-Control", "private, max-age=31536000, immutable"},
                              {"ETag", '"' + m_attachment.sha256 + '"'},
                              {"Content-Security-Policy", "sandbox; default-src 'none'"}});
    m_responder->writeChunk(first.value());
    m_sent = first->size();
    if (m_sent >= m_attachment.size) {
        m_responder->endStream();
        deleteLater();
        return;
    }
    (new DownloadPacer(
         m_responder, [this] { return writeNextPiece(); }, this))
        ->start();
}

bool AttachmentDownload::writeNextPiece()
{
    const Outcome<QByteArray> piece = m_repository.piece(m_attachment.id, m_next++);
    if (!piece || piece->isEmpty()) {
        // The headers are out: only cutting the stream short (no final
        // chunk) tells the client the file did not arrive whole.
        if (QTcpSocket *socket = m_responder->socket())
            socket->abort();
        return false;
    }
    m_responder->writeChunk(piece.value());
    m_sent += piece->size();
    if (m_sent >= m_attachment.size) {
        m_responder->endStream();
        return false;
    }
    return true;
}

} // namespace hearth
