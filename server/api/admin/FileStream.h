#pragma once

#include "http/Responder.h"

#include <QtCore/QFile>
#include <QtCore/QObject>

namespace hearth {

// Sends a file as a download in pieces, paced by a DownloadPacer. Deletes
// itself when done or when the client left.
class FileStream final : public QObject
{
public:
    FileStream(const QString &path, QByteArray contentType, ResponderPtr responder,
               QObject *parent);
    void start();

private:
    bool writeNextPiece();

    QFile m_file;
    QByteArray m_contentType;
    ResponderPtr m_responder;
};

} // namespace hearth
