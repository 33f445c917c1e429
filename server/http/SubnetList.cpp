#include "http/SubnetList.h"

#include <algorithm>

namespace hearth {

SubnetList::SubnetList(const QStringList &entries)
{
    for (QString entry : entries) {
        if (!entry.contains(QLatin1Char('/')))
            entry +=
                entry.contains(QLatin1Char(':')) ? QStringLiteral("/128") : QStringLiteral("/32");
        const auto subnet = QHostAddress::parseSubnet(entry);
        if (!subnet.first.isNull())
            m_subnets << subnet;
    }
}

bool SubnetList::contains(const QHostAddress &address) const
{
    return std::any_of(m_subnets.cbegin(), m_subnets.cend(),
                       [&](const auto &subnet) { return address.isInSubnet(subnet); });
}

} // namespace hearth
