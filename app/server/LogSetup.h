#pragma once

#include <QtCore/QString>

namespace hearth {

// LOG_FORMAT (text: one readable line per message; json: one JSON object per
// line for log collectors) and LOG_LEVEL (debug, info, warning, error).
// Messages go to standard error, which containers collect with stdout.
// Returns a problem with the values, or an empty string.
QString setUpLogging(const QString &format, const QString &level);
// The text format, until the configuration says which one.
void logAsText();

} // namespace hearth
