#pragma once

#include <QtGui/QImage>

namespace hearth::ui {

// `text` as a QR code (error correction M), `scale` pixels a module, with
// the four-module quiet zone readers need. Null when it cannot be encoded.
QImage qrCodeImage(const QString &text, int scale);

} // namespace hearth::ui
