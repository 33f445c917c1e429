#pragma once

#include <QtCore/QtGlobal>

namespace hearth {

// Milliseconds since the Unix epoch, strictly increasing within the process:
// rows created in one request (user message, then reply) never share a time,
// so ordering by time is stable without a database-specific sequence.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs();

    static Clock &system();

protected:
    qint64 strictlyAfterLast(qint64 candidate);
};

} // namespace hearth
