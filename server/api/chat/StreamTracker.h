#pragma once

#include <QtCore/QObject>

namespace hearth {

// Knows the replies being relayed, so that a shutdown can wait for them and,
// when the grace period is over, end them (they store what they have as
// cancelled). Lives on the server thread.
class StreamTracker final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void add(QObject *relay);
    int count() const { return m_count; }
    // Asks every relay still running to end now.
    void stopAll() { emit stopRequested(); }

signals:
    void stopRequested();
    // The last running relay ended.
    void idle();

private:
    int m_count = 0;
};

} // namespace hearth
