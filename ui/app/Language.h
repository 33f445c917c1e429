#pragma once

#include <QtCore/QString>

namespace hearth::ui {

// Installs the translation for `language` ("zh_CN", "en"; empty: from the
// system locale, or HEARTH_LANGUAGE when set). Returns the language used.
QString installLanguage(const QString &language = {});

} // namespace hearth::ui
