#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>

#include <optional>

namespace hearth {

// A caller's JSON request body passed on to a provider byte for byte: only
// the top-level members Hearth owns are rewritten, everything else keeps its
// order, spelling and precision (QJsonObject would sort the keys and turn a
// 64-bit seed into a double).
struct JsonMemberSpan
{
    QString key;         // decoded
    qsizetype begin = 0; // the key's opening quote
    qsizetype end = 0;   // one past the value
};

// The top-level members of the object in `json`, in order; nullopt when
// `json` is not one object. Meant for JSON already parsed once: the scan
// checks strings, nesting and separators, not every literal.
std::optional<QList<JsonMemberSpan>> topLevelMembers(const QByteArray &json);

// `json` (an object) with each named member set to its raw JSON value: in
// the place of its first occurrence, duplicates of it dropped (so the
// provider cannot read another value than Hearth did), missing ones
// appended in the order given. An empty value removes the member.
QByteArray rewriteMembers(const QByteArray &json, const QList<QPair<QString, QByteArray>> &members);

// `text` as a JSON string literal, quotes included.
QByteArray jsonString(const QString &text);

} // namespace hearth
