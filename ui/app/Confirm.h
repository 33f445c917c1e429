#pragma once

#include <QtCore/QString>

#include <functional>

class QWidget;

namespace hearth::ui {

// Asks before something that cannot be undone (window-modal, no nested
// event loop); `confirmed` runs only when the user chose `action`.
// Cancel is the default button, so Enter does not destroy anything.
void confirmDestructive(QWidget *parent, const QString &title, const QString &text,
                        const QString &action, std::function<void()> confirmed);

} // namespace hearth::ui
