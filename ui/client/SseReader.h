#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>

namespace hearth::client {

// Splits the server's event stream into (event, data) pairs. Hearth's own
// streams are well-formed ("event:" and one "data:" line per event, LF line
// ends); comments (": ping") are skipped.
class SseReader
{
public:
    struct Event
    {
        QByteArray name;
        QByteArray data;
    };
    QList<Event> feed(const QByteArray &bytes);

private:
    QByteArray m_buffer;
};

} // namespace hearth::client
