#include "core/Ids.h"

#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>

namespace hearth {

QString newIdAt(qint64 unixMs)
{
    quint8 bytes[16];
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes), 4);
    const quint64 ms = quint64(unixMs) & 0xffffffffffffull; // 48 bits
    for (int i = 0; i < 6; ++i)
        bytes[i] = quint8(ms >> (40 - 8 * i));
    bytes[6] = quint8(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3f)); // RFC 9562 variant
    static const char hex[] = "0123456789abcdef";
    QString text(36, Qt::Uninitialized);
    QChar *out = text.data();
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = QLatin1Char('-');
        *out++ = QLatin1Char(hex[bytes[i] >> 4]);
        *out++ = QLatin1Char(hex[bytes[i] & 0x0f]);
    }
    return text;
}

QString newId()
{
    return newIdAt(QDateTime::currentMSecsSinceEpoch());
}

} // namespace hearth
