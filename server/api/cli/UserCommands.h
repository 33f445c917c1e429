#pragma once

#include "core/Config.h"

#include <QtCore/QStringList>

class QTextStream;

namespace hearth {

// `hearth-server user add|list|passwd|disable|enable …`: account management
// from a shell, on the configured database, without starting the server.
// Returns the process exit code.
int runUserCommand(const ServerConfig &config, const QStringList &arguments, QTextStream &out,
                   QTextStream &err, QTextStream &in);

QString userCommandUsage();

} // namespace hearth
