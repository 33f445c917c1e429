#include "FreePorts.h"

#include <QtNetwork/QTcpServer>

#include <memory>
#include <vector>

QList<quint16> freePorts(int count, const QHostAddress &address)
{
    std::vector<std::unique_ptr<QTcpServer>> probes;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto probe = std::make_unique<QTcpServer>();
        if (!probe->listen(address, 0))
            return {};
        ports.append(probe->serverPort());
        probes.push_back(std::move(probe));
    }
    return ports;
}
