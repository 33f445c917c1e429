#include "core/Ids.h"

#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUuid>

#include <cstring>

namespace hearth {

namespace {

// The system's random numbers, fetched a few kilobytes at a time: a read of
// them per id (two per relayed call) cost more than the rest of the id.
// Each byte is handed out once.
class RandomPool
{
public:
    void take(quint8 *out, qsizetype count)
    {
        if (m_used + count > qsizetype(sizeof m_words)) {
            QRandomGenerator::system()->fillRange(m_words);
            m_used = 0;
        }
        std::memcpy(out, reinterpret_cast<const quint8 *>(m_words) + m_used, size_t(count));
        m_used += count;
    }

private:
    quint32 m_words[1024];
    qsizetype m_used = qsizetype(sizeof m_words);
};

} // namespace

QString newIdAt(qint64 unixMs)
{
    thread_local RandomPool pool;
    quint8 bytes[16];
    pool.take(bytes + 6, 10);                               // the first six are the time
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
