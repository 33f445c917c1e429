#include "http/DownloadPacer.h"

#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

namespace hearth {

namespace {
constexpr qint64 maxUnsentBytes = 1024 * 1024;
constexpr int catchUpMs = 20;
} // namespace

DownloadPacer::DownloadPacer(ResponderPtr responder, WritePiece writePiece, QObject *writer)
    : QObject(writer)
    , m_responder(std::move(responder))
    , m_writePiece(std::move(writePiece))
{}

void DownloadPacer::start()
{
    QTimer::singleShot(0, this, &DownloadPacer::turn);
}

void DownloadPacer::turn()
{
    if (!m_responder->isConnected()) {
        parent()->deleteLater();
        return;
    }
    if (QTcpSocket *socket = m_responder->socket();
        socket && socket->bytesToWrite() > maxUnsentBytes) {
        QTimer::singleShot(catchUpMs, this, &DownloadPacer::turn); // let the client catch up
        return;
    }
    if (!m_writePiece()) {
        parent()->deleteLater();
        return;
    }
    QTimer::singleShot(0, this, &DownloadPacer::turn);
}

} // namespace hearth
