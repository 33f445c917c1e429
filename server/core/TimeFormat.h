#pragma once

#include <QtCore/QString>

namespace hearth {

// RFC 3339 UTC with milliseconds, e.g. "2026-11-22T09:15:02.123Z".
QString toRfc3339(qint64 msSinceEpoch);

// Accepts RFC 3339 with or without fraction/zone offset; nullopt when unparsable.
std::optional<qint64> parseRfc3339(const QString &text);

} // namespace hearth
