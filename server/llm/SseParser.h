#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>

namespace hearth {

struct SseEvent
{
    QByteArray event; // empty means the default "message"
    QByteArray data;
    QByteArray id;
};

// Incremental Server-Sent Events parser (WHATWG rules): bytes may arrive split
// anywhere, even inside a CRLF; lines end with CRLF, LF or CR; ':' starts a
// comment; multiple data lines join with '\n'. A line longer than the cap is
// an error, so a hostile upstream cannot make us buffer without bound.
class SseParser
{
public:
    explicit SseParser(qsizetype maxLineBytes = 1024 * 1024)
        : m_maxLine(maxLineBytes)
    {}

    QList<SseEvent> feed(const QByteArray &bytes);
    bool failed() const { return m_failed; }

private:
    void processLine(const QByteArray &line, QList<SseEvent> &out);

    QByteArray m_line;
    SseEvent m_pending;
    bool m_hasData = false;
    bool m_skipLeadingLf = false;
    bool m_failed = false;
    qsizetype m_maxLine;
};

} // namespace hearth
