#pragma once

#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>

namespace hearth {

// Addresses and CIDR ranges from the configuration ("10.0.0.5",
// "192.168.0.0/16", "::1"); entries that do not parse are ignored.
class SubnetList final
{
public:
    SubnetList() = default;
    explicit SubnetList(const QStringList &entries);
    bool contains(const QHostAddress &address) const;
    bool isEmpty() const { return m_subnets.isEmpty(); }

private:
    QList<QPair<QHostAddress, int>> m_subnets;
};

} // namespace hearth
