#pragma once

#include <QtCore/QString>

namespace hearth {

class Database;

// Brings the schema to the newest version, one migration per transaction,
// recording each in schema_version. Running it again does nothing.
class Migrator
{
public:
    explicit Migrator(Database &db)
        : m_db(db)
    {}

    // Under the dialect's migration lock: another instance starting at the
    // same moment waits, then finds the schema current.
    bool migrate(QString *error);
    int currentVersion(QString *error);

private:
    bool migrateLocked(QString *error);

    Database &m_db;
};

} // namespace hearth
