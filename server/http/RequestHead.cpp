#include "http/RequestHead.h"

#include "core/HttpSyntax.h"

#include <QtCore/QList>

namespace hearth {

namespace {

using V = HeadParseResult::Verdict;

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible ASCII, or any byte of a UTF-8 sequence; never a control character.
bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7f;
}

bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return c == '\t' || (u >= 0x20 && u != 0x7f);
}

HeadParseResult reject(V verdict, const char *reason)
{
    HeadParseResult result;
    result.verdict = verdict;
    result.reason = reason;
    return result;
}

} // namespace

HeadParseResult parseRequestHead(const QByteArray &headBytes, int maxFields)
{
    HeadParseResult result;
    RequestHead &head = result.head;
    for (qsizetype i = 0; i < headBytes.size(); ++i) {
        const char c = headBytes.at(i);
        const bool bareLf = c == '\n' && (i == 0 || headBytes.at(i - 1) != '\r');
        const bool bareCr = c == '\r' && (i + 1 >= headBytes.size() || headBytes.at(i + 1) != '\n');
        if (bareLf || bareCr)
            return reject(V::BadRequest, "Lines must end with CRLF");
    }
    const QList<QByteArray> lines = headBytes.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (lines.first().startsWith(' ') || requestLine.size() != 3 || !isToken(requestLine[0]) ||
        requestLine[1].isEmpty())
        return reject(V::BadRequest, "Malformed request line");
    head.method = requestLine[0];
    head.target = requestLine[1];
    for (const char c : head.target) {
        if (!isTargetChar(c))
            return reject(V::BadRequest, "Malformed request target");
    }
    const QByteArray &version = requestLine[2];
    if (version == "HTTP/1.1")
        head.minorVersion = 1;
    else if (version == "HTTP/1.0")
        head.minorVersion = 0;
    else if (version.startsWith("HTTP/") && version.size() <= 12)
        return reject(V::VersionNotSupported, "Only HTTP/1.0 and HTTP/1.1 are supported");
    else
        return reject(V::BadRequest, "Malformed request line");

    if (lines.size() - 1 > maxFields)
        return reject(V::TooLarge, "Too many header fields");
    bool sawLength = false;
    bool sawEncoding = false;
    bool sawHost = false;
    QByteArray connection;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &raw = lines[i];
        const QByteArrayView line(raw.constData(),
                                  raw.endsWith('\r') ? raw.size() - 1 : raw.size());
        if (line.startsWith(' ') || line.startsWith('\t'))
            return reject(V::BadRequest, "Folded header lines are not allowed");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return reject(V::BadRequest, "Malformed header field");
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        for (const char c : value) {
            if (!isFieldValueChar(c))
                return reject(V::BadRequest, "Control characters in a header value");
        }
        if (name == "content-length") {
            bool ok = !sawLength && !value.isEmpty() && value.size() <= 15;
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            if (!ok)
                return reject(V::BadRequest, "Invalid Content-Length");
            head.contentLength = value.toLongLong();
            sawLength = true;
        } else if (name == "transfer-encoding") {
            // Only exactly one "chunked": anything else (gzip, a list, a
            // repeat) is where two parsers disagree on where a body ends.
            if (sawEncoding || value.compare("chunked", Qt::CaseInsensitive) != 0)
                return reject(V::BadRequest, "Transfer-Encoding must be exactly \"chunked\"");
            sawEncoding = true;
        } else if (name == "host") {
            if (sawHost)
                return reject(V::BadRequest, "More than one Host header");
            sawHost = true;
        } else if (name == "connection") {
            connection = value;
        } else if (name == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                return reject(V::BadRequest, "Unsupported Expect header");
            head.expectContinue = true;
        } else if (name == "origin") {
            head.origin = value;
        }
        QByteArray &slot = head.headers[name];
        slot = slot.isEmpty() ? value : slot + ", " + value;
    }
    if (sawEncoding && sawLength)
        return reject(V::BadRequest, "Content-Length and Transfer-Encoding together");
    if (sawEncoding && head.minorVersion == 0)
        return reject(V::BadRequest, "HTTP/1.0 has no chunked bodies");
    head.chunked = sawEncoding;
    head.keepAlive = httpsyntax::keepsAlive(head.minorVersion == 1, connection);
    return result;
}

} // namespace hearth
