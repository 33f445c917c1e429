#include "core/Version.h"

namespace hearth {

QString version()
{
    return QStringLiteral(HEARTH_VERSION_STRING);
}

} // namespace hearth
