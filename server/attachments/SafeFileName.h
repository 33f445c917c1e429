#pragma once

#include <QtCore/QString>

namespace hearth {

// The name an upload is stored and shown under: only its last path
// component (no "../", "C:\" or "/etc/"), without control or bidirectional
// override characters (which make "gpj.exe" look like "exe.jpg"), trimmed,
// at most 200 characters with the extension kept. `fallback` when nothing
// is left.
QString safeFileName(const QString &given, const QString &fallback);

} // namespace hearth
