#include "http/RequestHead.h"

namespace hearth {

namespace {

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

QByteArray stripCr(const QByteArray &line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

HeadParseResult reject(HeadParseResult::Verdict verdict, const char *reason)
{
    HeadParseResult result;
    result.verdict = verdict;
    result.reason = reason;
    return result;
}

} // namespace

HeadParseResult parseRequestHead(const QByteArray &headBytes, int maxFields)
{
    using V = HeadParseResult::Verdict;
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
    const QList<QByteArray> requestLine = stripCr(lines.first()).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || requestLine[1].isEmpty())
        return reject(V::BadRequest, "Malformed request line");
    head.method = requestLine[0];
    head.target = requestLine[1];
    const QByteArray &version = requestLine[2];
    if (version == "HTTP/1.1")
        head.minorVersion = 1;
    else if (version == "HTTP/1.0")
        head.minorVersion = 0;
    else if (version.startsWith("HTTP/"))
        return reject(V::VersionNotSupported, "Only HTTP/1.0 and HTTP/1.1 are supported");
    else
        return reject(V::BadRequest, "Malformed request line");
    head.keepAlive = head.minorVersion == 1;

    if (lines.size() - 1 > maxFields)
        return reject(V::TooLarge, "Too many header fields");
    bool sawLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = stripCr(lines[i]);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return reject(V::BadRequest, "Folded header lines are not allowed");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return reject(V::BadRequest, "Malformed header field");
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = !value.isEmpty();
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            const qint64 length = ok && value.size() <= 15 ? value.toLongLong(&ok) : -1;
            if (!ok || length < 0 || (sawLength && length != head.contentLength))
                return reject(V::BadRequest, "Invalid Content-Length");
            head.contentLength = length;
            sawLength = true;
        } else if (name == "transfer-encoding") {
            return reject(V::LengthRequired, "Send the body with a Content-Length");
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                head.keepAlive = false;
            else if (v.contains("keep-alive"))
                head.keepAlive = true;
        } else if (name == "expect") {
            if (value.toLower() != "100-continue")
                return reject(V::BadRequest, "Unsupported Expect header");
            head.expectContinue = true;
        } else if (name == "origin") {
            head.origin = value;
        }
    }
    return result;
}

} // namespace hearth
