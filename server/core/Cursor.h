#pragma once

#include <QtCore/QString>

#include <optional>

namespace hearth {

// Opaque keyset cursor for paging: a time and an id, base64url-encoded so
// clients treat it as a token rather than something to construct.
struct Cursor
{
    qint64 time = 0;
    QString id;

    QString encode() const;
    static std::optional<Cursor> decode(const QString &text);
};

} // namespace hearth
