#include "api/admin/FileStream.h"

#include "api/ApiReply.h"
#include "http/DownloadPacer.h"

#include <QtCore/QFileInfo>

namespace hearth {

namespace {
constexpr qint64 pieceBytes = 256 * 1024;
} // namespace

FileStream::FileStream(const QString &path, QByteArray contentType, ResponderPtr responder,
                       QObject *parent)
    : QObject(parent)
    , m_file(path)
    , m_contentType(std::move(contentType))
    , m_responder(std::move(responder))
{}

void FileStream::start()
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        replyError(m_responder, ApiError::internal());
        deleteLater();
        return;
    }
    const QByteArray name = QFileInfo(m_file).fileName().toUtf8();
    m_responder->beginStream(200, m_contentType,
                             {{"Content-Disposition", "attachment; filename=\"" + name + '"'},
                              {"X-File-Size", QByteArray::number(m_file.size())}});
    (new DownloadPacer(
         m_responder, [this] { return writeNextPiece(); }, this))
        ->start();
}

bool FileStream::writeNextPiece()
{
    const QByteArray piece = m_file.read(pieceBytes);
    if (!piece.isEmpty())
        m_responder->writeChunk(piece);
    if (piece.size() < pieceBytes) {
        m_responder->endStream();
        return false;
    }
    return true;
}

} // namespace hearth
