#pragma once

#include <QtCore/QString>

namespace hearth {

QString version();

} // namespace hearth
