#pragma once

#include <QtCore/QList>
#include <QtNetwork/QHostAddress>

// Distinct ports that nothing listens on at the moment of the call. Every
// probe stays bound until all are known: a port released before the next
// probe may be handed out again, which once gave Nginx one port for two sites.
QList<quint16> freePorts(int count,
                         const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
