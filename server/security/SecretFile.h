#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace hearth {

// Reads a secret kept in a file of its own (mode 0600), creating it with
// `generatedBytes` random bytes (base64url) on first use. Returns an empty
// array and sets *error when the file can be neither read nor written.
QByteArray loadOrCreateSecret(const QString &path, int generatedBytes, QString *error);

} // namespace hearth
