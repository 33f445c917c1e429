#pragma once

#include <QtCore/QVariant>

// Reads (or, to simulate time passing, changes) the server's SQLite file
// through a separate connection, as an outside observer would.
QVariant dbValue(const QString &path, const QString &sql, const QVariantList &binds = {});
int dbExec(const QString &path, const QString &sql, const QVariantList &binds = {});
