#include "core/Ids.h"

#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUuid>

namespace hearth {

QString newIdAt(qint64 unixMs)
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    auto *bytes = reinterpret_cast<quint8 *>(words);
    const quint64 ms = quint64(unixMs) & 0xffffffffffffull; // 48 bits, big-endian first
    for (int i = 0; i < 6; ++i)
        bytes[i] = quint8(ms >> (40 - 8 * i));
    bytes[6] = quint8(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3f)); // RFC 9562 variant
    return QUuid::fromRfc4122(QByteArrayView(bytes, 16)).toString(QUuid::WithoutBraces);
}

QString newId()
{
    return newIdAt(QDateTime::currentMSecsSinceEpoch());
}

} // namespace hearth
