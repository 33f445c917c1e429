#pragma once

#include <QtWidgets/QWidget>

namespace hearth::ui {

// Shows `window` again in front, un-minimised and active: starting Hearth
// again, the tray's Open, a notification clicked.
inline void bringToFront(QWidget *window)
{
    window->showNormal();
    window->raise();
    window->activateWindow();
}

} // namespace hearth::ui
