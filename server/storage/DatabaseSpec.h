#pragma once

#include "storage/Database.h"

namespace hearth {

// A database named on the command line: an SQLite file (a path, or
// sqlite:///path), or a URL such as postgres://user:password@host:5432/name
// or mysql://user:password@host/name (?sslmode=… is DB_SSL_MODE).
// Empty settings.driver and *error set when the text is neither.
DatabaseSettings parseDatabaseSpec(const QString &spec, QString *error);

// The same, for messages: the password left out.
QString describeDatabase(const DatabaseSettings &settings);

} // namespace hearth
