#include "llm/SseParser.h"

namespace hearth {

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> events;
    if (m_failed)
        return events;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (m_skipLeadingLf) {
            m_skipLeadingLf = false;
            if (c == '\n') {
                start = i + 1;
                continue;
            }
        }
        if (c != '\n' && c != '\r')
            continue;
        m_line.append(bytes.constData() + start, i - start);
        processLine(m_line, events);
        m_line.clear();
        m_skipLeadingLf = (c == '\r');
        start = i + 1;
    }
    m_line.append(bytes.constData() + start, bytes.size() - start);
    if (m_line.size() > m_maxLine) {
        m_failed = true;
        m_line.clear();
    }
    return events;
}

void SseParser::processLine(const QByteArray &line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        if (m_hasData)
            out.append(m_pending);
        m_pending = SseEvent{};
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_hasData)
            m_pending.data.append('\n');
        m_pending.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_pending.event = value;
    } else if (field == "id") {
        m_pending.id = value;
    }
}

} // namespace hearth
