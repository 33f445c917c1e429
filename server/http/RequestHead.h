#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>

namespace hearth {

// What the connection guard learns from a request's head before
// QtHttpServer sees it: enough to enforce limits and to answer in the
// client's HTTP version.
struct RequestHead
{
    QByteArray method;
    QByteArray target;
    int minorVersion = 1; // HTTP/1.<minor>
    qint64 contentLength = 0;
    bool keepAlive = true;
    bool expectContinue = false;
    QByteArray origin;
};

struct HeadParseResult
{
    enum class Verdict { Ok, BadRequest, TooLarge, LengthRequired, VersionNotSupported };
    Verdict verdict = Verdict::Ok;
    QByteArray reason; // for the error body
    RequestHead head;
};

// Parses "METHOD target HTTP/1.x" and the header fields: the head without
// its terminating empty line (so it ends with the last field's value). Strict where leniency
// enables request smuggling: one Content-Length of digits only, no Transfer-Encoding, no obs-fold.
HeadParseResult parseRequestHead(const QByteArray &headBytes, int maxFields);

} // namespace hearth
