#pragma once

#include "core/Config.h"

#include <QtCore/QVariant>

// Reads (or, to simulate time passing, changes) a test server's database
// through a connection of its own, as an outside observer would: the SQLite
// file, or the PostgreSQL database the TestServer made.
// The database of a server whose data folder is `dataDir`, on SQLite.
hearth::ServerConfig sqliteDatabaseIn(const QString &dataDir);
QVariant dbValue(const hearth::ServerConfig &config, const QString &sql,
                 const QVariantList &binds = {});
int dbExec(const hearth::ServerConfig &config, const QString &sql, const QVariantList &binds = {});
// Everything stored, as bytes to search for secrets: the SQLite file and its
// WAL, or every row of every table as text.
QByteArray dbEverything(const hearth::ServerConfig &config);
