#pragma once

#include <QtCore/QString>

namespace hearth::ui {

// The window's own style sheet: the rail, the conversation column, the
// composer and the sidebar. It names palette roles, not colours, so the
// light and dark palettes (Theme.h) both read well.
QString appStyleSheet();

} // namespace hearth::ui
