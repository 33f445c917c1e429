#pragma once

#include <QtCore/QString>

namespace hearth::ui {

// "system" (the platform's own look, light or dark as the desktop says),
// "light" or "dark". Returns the theme applied.
QString applyTheme(const QString &theme);
// What the desktop says it prefers (SystemColorScheme): the "system"
// theme follows it, at once if it is the one applied.
void setSystemPrefersDark(bool dark);

} // namespace hearth::ui
