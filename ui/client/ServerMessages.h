#pragma once

#include <QtCore/QString>

namespace hearth::client {

// The server words its errors in English (only its rate-limit and quota
// messages follow Accept-Language), for every client alike. The app shows
// the ones people meet in its own language: fixed sentences, the validation
// templates ("%1 is required") and the field names they name. A message it
// does not know is shown as the server wrote it.
QString localizedServerMessage(const QString &english);

} // namespace hearth::client
