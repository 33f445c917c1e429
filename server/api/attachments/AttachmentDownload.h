#pragma once

#include "http/Responder.h"
#include "storage/AttachmentRepository.h"

#include <QtCore/QObject>

namespace hearth {

// Sends a stored attachment's bytes piece by piece from the database,
// paced by a DownloadPacer (one 1 MiB piece in memory at a time). Deletes
// itself when done or when the client left.
class AttachmentDownload final : public QObject
{
public:
    AttachmentDownload(AttachmentRepository &repository, AttachmentRecord attachment,
                       ResponderPtr responder, QObject *parent);
    void start();

private:
    bool writeNextPiece();

    AttachmentRepository &m_repository;
    AttachmentRecord m_attachment;
    ResponderPtr m_responder;
    qint64 m_next = 0;
    qint64 m_sent = 0;
};

} // namespace hearth
