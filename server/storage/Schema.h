#pragma once

#include "storage/SqlDialect.h"

namespace hearth {

// The versioned schema in portable SQL. Never edit a released migration:
// add a new one.
QList<SqlDialect::Migration> portableMigrations(const SqlDialect &dialect);

} // namespace hearth
