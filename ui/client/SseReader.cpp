#include "client/SseReader.h"

namespace hearth::client {

QList<SseReader::Event> SseReader::feed(const QByteArray &bytes)
{
    m_buffer += bytes;
    QList<Event> events;
    qsizetype end;
    while ((end = m_buffer.indexOf("\n\n")) >= 0) {
        Event event;
        for (const QByteArray &line : m_buffer.left(end).split('\n')) {
            if (line.startsWith("event:"))
                event.name = line.mid(6).trimmed();
            else if (line.startsWith("data:"))
                event.data += line.mid(5).trimmed();
        }
        m_buffer.remove(0, end + 2);
        if (!event.data.isEmpty())
            events << event;
    }
    return events;
}

} // namespace hearth::client
