#pragma once

#include <QtCore/QString>

namespace hearth::ui {

// "system" (the platform's own look, light or dark as the desktop says),
// "light" or "dark". Returns the theme applied.
QString applyTheme(const QString &theme);

} // namespace hearth::ui
