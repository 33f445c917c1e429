#pragma once

#include "core/Config.h"

#include <QtCore/QStringList>

class QTextStream;

namespace hearth {

// `hearth-server db copy|backup …`: moves a whole installation between
// SQLite, PostgreSQL and MySQL, or writes an SQLite backup, while a server
// may keep running on the source. Returns the process exit code.
int runDbCommand(const ServerConfig &config, const QStringList &arguments, QTextStream &out,
                 QTextStream &err, bool interactive);

QString dbCommandUsage();

} // namespace hearth
