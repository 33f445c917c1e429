#pragma once

#include "core/Outcome.h"

#include <QtCore/QHash>
#include <QtCore/QString>

namespace hearth {

class Database;

// Server settings changed at run time (by the admin), as key → JSON text.
class SettingsRepository
{
public:
    explicit SettingsRepository(Database &db)
        : m_db(db)
    {}

    Outcome<QHash<QString, QString>> all();
    Outcome<Done> set(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace hearth
