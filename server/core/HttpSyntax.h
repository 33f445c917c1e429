#pragma once

#include <QtCore/QByteArrayView>

#include <optional>

// HTTP/1.1 syntax read the same way by the server's request framer
// (server/http) and by the upstream client (server/llm).
namespace hearth::httpsyntax {

// Whether a comma-separated header value ("close, Upgrade") lists `token`,
// ignoring case and the spaces around items.
bool listContains(QByteArrayView value, QByteArrayView token);

// Whether the connection stays open after this message: HTTP/1.1 unless
// Connection lists "close", HTTP/1.0 only if it lists "keep-alive".
bool keepsAlive(bool http11, QByteArrayView connection);

// A chunk-size line without its CRLF: hex digits, then optionally
// whitespace and ";extensions". More than 15 digits (which could overflow)
// or anything else is malformed: nullopt.
std::optional<qint64> parseChunkSize(QByteArrayView line);

} // namespace hearth::httpsyntax
