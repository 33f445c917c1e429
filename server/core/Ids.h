#pragma once

#include <QtCore/QString>

namespace hearth {

// Opaque random identifier (UUID v4, lowercase, no braces). Never sequential,
// so ids reveal nothing about how many rows exist.
QString newId();

} // namespace hearth
