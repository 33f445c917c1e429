#include "SingleInstance.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtNetwork/QLocalServer>
#include <QtNetwork/QLocalSocket>

namespace hearth {

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_name(QStringLiteral("hearth-") +
             QString::fromLatin1(QCryptographicHash::hash(QDir(dataDir).absolutePath().toUtf8(),
                                                          QCryptographicHash::Sha256)
                                     .toHex()
                                     .left(16)))
{}

bool SingleInstance::claim()
{
    // Runs before any event loop exists, in a process that has nothing else
    // to do yet: a short local connect that answers at once when the first
    // instance runs, or is refused when it does not.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(500)) {
        probe.write("activate\n");
        probe.waitForBytesWritten(500);
        probe.disconnectFromServer();
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket file left by a crashed instance: nobody answered, so take it.
        QLocalServer::removeServer(m_name);
        m_server->listen(m_name);
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *peer = m_server->nextPendingConnection()) {
            connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
            connect(peer, &QLocalSocket::readyRead, this, [this, peer] {
                if (peer->readAll().contains("activate"))
                    emit activationRequested();
            });
        }
    });
    return true;
}

} // namespace hearth
