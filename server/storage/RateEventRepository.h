#pragma once

#include "core/Outcome.h"

#include <QtCore/QList>
#include <QtCore/QString>

namespace hearth {

class Database;

// Events counted by sliding-window rate limits. Kept in the database (not in
// memory) so that several server instances on one database share them.
class RateEventRepository
{
public:
    explicit RateEventRepository(Database &db)
        : m_db(db)
    {}

    Outcome<Done> record(const QString &subject, qint64 at);
    // How many events of `subject` happened at or after each of `since`.
    Outcome<QList<int>> countSince(const QString &subject, const QList<qint64> &since);
    // The time of the `index`-th (0-based, oldest first) event at or after `since`.
    Outcome<qint64> eventTime(const QString &subject, qint64 since, int index);
    Outcome<Done> pruneBefore(qint64 at);

private:
    Database &m_db;
};

} // namespace hearth
