#pragma once

#include "http/Responder.h"

#include <QtCore/QObject>

#include <functional>

namespace hearth {

// Drives a download one piece per event-loop turn, so a large one holds
// neither the server thread nor memory: it waits while the client has more
// than 1 MB unread, and stops when the client leaves. A child of the object
// that writes the pieces, which it deletes when the download is over.
class DownloadPacer final : public QObject
{
public:
    // Writes the next piece; false once the download has ended.
    using WritePiece = std::function<bool()>;

    DownloadPacer(ResponderPtr responder, WritePiece writePiece, QObject *writer);
    void start();

private:
    void turn();

    ResponderPtr m_responder;
    WritePiece m_writePiece;
};

} // namespace hearth
