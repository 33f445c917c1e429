#include "llm/HttpResponseReader.h"

#include "core/HttpSyntax.h"

#include <QtCore/QList>

namespace hearth {

namespace {
constexpr qsizetype maxHeadBytes = 64 * 1024;
constexpr qsizetype maxChunkLineBytes = 4096;
} // namespace

void HttpResponseReader::fail(const char *why)
{
    m_state = State::Failed;
    m_error = why;
}

qsizetype HttpResponseReader::feed(const char *data, qsizetype size, QByteArray *body)
{
    qsizetype used = 0;
    while (used < size && (m_state == State::Head || m_state == State::Body)) {
        if (m_state == State::Head) {
            used += feedHead(data + used, size - used);
            continue;
        }
        switch (m_body) {
        case Body::UntilClose:
            body->append(data + used, size - used);
            used = size;
            break;
        case Body::Length: {
            const qint64 take = qMin<qint64>(m_remaining, size - used);
            body->append(data + used, take);
            used += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = State::Done;
            break;
        }
        case Body::Chunked:
            used += feedChunked(data + used, size - used, body);
            break;
        case Body::None:
            m_state = State::Done;
            break;
        }
    }
    return used;
}

void HttpResponseReader::endOfInput()
{
    if (m_state == State::Body && m_body == Body::UntilClose) {
        m_state = State::Done;
        m_keepAlive = false;
    } else if (m_state == State::Head || m_state == State::Body) {
        fail(m_status ? "The connection closed before the response ended"
                      : "The connection closed before a response arrived");
    }
}

qsizetype HttpResponseReader::feedHead(const char *data, qsizetype size)
{
    const qsizetype old = m_line.size();
    const qsizetype appended = qMin(size, maxHeadBytes + 4 - old);
    m_line.append(data, appended);
    // The blank line may straddle two reads: search from just before them.
    const qsizetype at = m_line.indexOf("\r\n\r\n", qMax<qsizetype>(0, old - 3));
    if (at < 0) {
        if (m_line.size() > maxHeadBytes)
            fail("The response headers are too large");
        return appended;
    }
    m_line.truncate(at + 4);
    parseHead();
    return at + 4 - old;
}

void HttpResponseReader::parseHead()
{
    const QByteArray head = m_line;
    m_line.clear();
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray statusLine = lines.first().trimmed();
    // "HTTP/1.1 200 OK"
    const bool http11 = statusLine.startsWith("HTTP/1.1 ");
    if (!(http11 || statusLine.startsWith("HTTP/1.0 ")) || statusLine.size() < 12) {
        fail("The upstream did not answer in HTTP/1.x");
        return;
    }
    bool ok = false;
    const int status = statusLine.mid(9, 3).toInt(&ok);
    if (!ok || status < 100 || status > 999) {
        fail("The upstream answered with a malformed status line");
        return;
    }
    m_headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail("The upstream sent a malformed header");
            return;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        QByteArray &slot = m_headers[name];
        const QByteArray value = line.mid(colon + 1).trimmed();
        slot = slot.isEmpty() ? value : slot + ", " + value;
    }
    if (status >= 100 && status < 200) {
        m_headers.clear(); // an interim response: the real one follows
        return;
    }
    m_status = status;
    const QByteArray connection = m_headers.value("connection");
    m_keepAlive = httpsyntax::keepsAlive(http11, connection);
    m_state = State::Body;
    const QByteArray encoding = m_headers.value("transfer-encoding");
    const QByteArray length = m_headers.value("content-length");
    if (status == 204 || status == 304) {
        m_body = Body::None;
        m_state = State::Done;
    } else if (!encoding.isEmpty()) {
        if (!httpsyntax::listContains(encoding.split(',').last(), "chunked")) {
            m_body = Body::UntilClose;
            m_keepAlive = false;
        } else {
            m_body = Body::Chunked;
            m_chunk = Chunk::Size;
        }
    } else if (!length.isEmpty()) {
        bool valid = false;
        m_remaining = length.toLongLong(&valid);
        if (!valid || m_remaining < 0 || length.contains(',')) {
            fail("The upstream sent an invalid Content-Length");
            return;
        }
        m_body = Body::Length;
        if (m_remaining == 0)
            m_state = State::Done;
    } else {
        m_body = Body::UntilClose;
        m_keepAlive = false;
    }
}

qsizetype HttpResponseReader::feedChunked(const char *data, qsizetype size, QByteArray *body)
{
    if (m_chunk == Chunk::Data) {
        const qint64 take = qMin<qint64>(m_remaining, size);
        body->append(data, take);
        m_remaining -= take;
        if (m_remaining == 0)
            m_chunk = Chunk::DataEnd;
        return take;
    }
    // A line: the chunk size, the CRLF after the data, or a trailer field.
    const qsizetype newline = QByteArrayView(data, size).indexOf('\n');
    const qsizetype take = newline < 0 ? size : newline + 1;
    m_line.append(data, take);
    if (m_line.size() > maxChunkLineBytes) {
        fail("The upstream sent a malformed chunk");
        return size;
    }
    if (newline < 0)
        return take;
    const QByteArray line = m_line.trimmed();
    m_line.clear();
    switch (m_chunk) {
    case Chunk::DataEnd:
        if (!line.isEmpty())
            fail("The upstream sent a malformed chunk");
        m_chunk = Chunk::Size;
        break;
    case Chunk::Trailer:
        if (line.isEmpty())
            m_state = State::Done;
        break;
    case Chunk::Size: {
        const std::optional<qint64> chunk = httpsyntax::parseChunkSize(line);
        if (!chunk) {
            fail("The upstream sent a malformed chunk size");
            break;
        }
        if (*chunk == 0) {
            m_chunk = Chunk::Trailer;
        } else {
            m_remaining = *chunk;
            m_chunk = Chunk::Data;
        }
        break;
    }
    case Chunk::Data:
        break;
    }
    return take;
}

} // namespace hearth
