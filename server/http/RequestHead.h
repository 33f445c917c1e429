#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QHash>

namespace hearth {

// A request's head as the connection guard parsed it: the request line and
// every header field (names in lower case; repeated fields joined with ", ").
struct RequestHead
{
    QByteArray method;
    QByteArray target;
    int minorVersion = 1; // HTTP/1.<minor>
    qint64 contentLength = 0;
    bool chunked = false; // Transfer-Encoding: chunked (then contentLength is 0)
    bool keepAlive = true;
    bool expectContinue = false;
    QByteArray origin;
    QHash<QByteArray, QByteArray> headers;
};

// A request refused before it reached a route: the status and the error
// body's code and sentence.
struct HttpRefusal
{
    int status = 400;
    QByteArray code;
    QByteArray message;
};

struct HeadParseResult
{
    enum class Verdict { Ok, BadRequest, TooLarge, VersionNotSupported };
    Verdict verdict = Verdict::Ok;
    QByteArray reason; // for the error body
    RequestHead head;
};

// Parses "METHOD target HTTP/1.x" and the header fields: the head without
// its terminating empty line (so it ends with the last field's value).
// Strict wherever leniency enables request smuggling or header injection:
// CRLF only, no obs-fold, no whitespace before a colon, one Content-Length
// of digits only, Transfer-Encoding exactly "chunked" and never together
// with a Content-Length, one Host, no control characters in values.
HeadParseResult parseRequestHead(const QByteArray &headBytes, int maxFields);

} // namespace hearth
