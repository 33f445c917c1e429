#include "api/chat/StreamTracker.h"

namespace hearth {

void StreamTracker::add(QObject *relay)
{
    ++m_count;
    connect(relay, &QObject::destroyed, this, [this] {
        if (--m_count == 0)
            emit idle();
    });
}

} // namespace hearth
