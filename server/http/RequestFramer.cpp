#include "http/RequestFramer.h"

#include "core/HttpSyntax.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryFile>

namespace hearth {

namespace {
constexpr qsizetype maxChunkLineBytes = 1024; // size and extensions
} // namespace

RequestFramer::RequestFramer(const Limits &limits)
    : m_limits(limits)
{}

RequestFramer::~RequestFramer() = default;

bool RequestFramer::readingBody() const
{
    return m_state != State::Head && m_state != State::Done && m_state != State::Failed;
}

RequestHead RequestFramer::takeHead()
{
    RequestHead head = std::move(m_head);
    m_head = RequestHead{};
    return head;
}

QByteArray RequestFramer::takeBody()
{
    QByteArray body = std::move(m_body);
    m_body = QByteArray();
    m_spool.reset();
    m_bodyBytes = 0;
    m_state = State::Head;
    return body;
}

std::unique_ptr<QTemporaryFile> RequestFramer::takeSpool()
{
    if (m_spool && !m_spool->flush())
        m_spool.reset();
    return std::move(m_spool);
}

RequestFramer::Result RequestFramer::fail(int status, const char *code, const char *message)
{
    m_state = State::Failed;
    m_error = Error{status, code, message};
    m_spool.reset(); // nothing of a refused upload is kept
    return Result::Error;
}

RequestFramer::Result RequestFramer::bodyTooLarge()
{
    m_spool.reset();
    m_state = State::Failed;
    m_error = Error{413, "PAYLOAD_TOO_LARGE",
                    "The request body is larger than this server accepts (" +
                        QByteArray::number(m_bodyLimit) + " bytes)"};
    return Result::Error;
}

RequestFramer::Result RequestFramer::startBody()
{
    const qint64 spooled = m_limits.spooledBodyLimit ? m_limits.spooledBodyLimit(m_head) : 0;
    m_bodyLimit = spooled > 0 ? spooled : m_limits.maxBodyBytes;
    m_bodyBytes = 0;
    // Who may upload first: a stranger is told to sign in, not that the
    // file is too large.
    if (spooled > 0 && m_limits.admitSpooledBody) {
        if (auto refusal = m_limits.admitSpooledBody(m_head)) {
            m_state = State::Failed;
            m_error = std::move(*refusal);
            return Result::Error;
        }
    }
    if (m_head.contentLength > m_bodyLimit)
        return bodyTooLarge();
    if (spooled > 0 && (m_head.chunked || m_head.contentLength > 0)) {
        m_spool = std::make_unique<QTemporaryFile>(
            QDir(m_limits.spoolDir).filePath(QStringLiteral("upload-XXXXXX")));
        if (!m_spool->open())
            return fail(507, "INSUFFICIENT_STORAGE", "The upload could not be stored");
    }
    return Result::NeedMore;
}

bool RequestFramer::appendBody(const char *data, qsizetype size)
{
    m_bodyBytes += size;
    if (!m_spool) {
        m_body.append(data, size);
        return true;
    }
    return m_spool->write(data, size) == size;
}

RequestFramer::Result RequestFramer::feed(const char *data, qsizetype size, qsizetype *used)
{
    *used = 0;
    while (*used < size) {
        const char *at = data + *used;
        const qsizetype left = size - *used;
        qsizetype step = 0;
        Result result = Result::NeedMore;
        switch (m_state) {
        case State::Failed:
            return Result::Error;
        case State::Done:
            m_state = State::Head; // the previous request was not taken: dropped
            m_head = RequestHead{};
            m_body.clear();
            m_spool.reset();
            m_bodyBytes = 0;
            break;
        case State::Head:
            result = feedHead(at, left, &step);
            break;
        case State::Body:
            step = qMin<qint64>(m_remaining, left);
            if (!appendBody(at, step))
                return fail(507, "INSUFFICIENT_STORAGE", "The upload could not be stored");
            m_remaining -= step;
            if (m_remaining == 0) {
                m_state = State::Done;
                result = Result::Request;
            }
            break;
        case State::ChunkData:
            step = qMin<qint64>(m_remaining, left);
            if (!appendBody(at, step))
                return fail(507, "INSUFFICIENT_STORAGE", "The upload could not be stored");
            m_remaining -= step;
            if (m_remaining == 0)
                m_state = State::ChunkEnd;
            break;
        case State::ChunkSize:
        case State::ChunkEnd:
        case State::Trailer:
            result = feedChunkLine(at, left, &step);
            break;
        }
        *used += step;
        if (result != Result::NeedMore)
            return result;
    }
    return Result::NeedMore;
}

RequestFramer::Result RequestFramer::feedHead(const char *data, qsizetype size, qsizetype *used)
{
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        *used = i + 1;
        // Empty lines before a request are allowed (RFC 9112 2.2).
        if (m_buffer.isEmpty() && (c == '\r' || c == '\n'))
            continue;
        m_buffer.append(c);
        const qsizetype length = m_buffer.size();
        if (c == '\n') {
            if (length < 2 || m_buffer.at(length - 2) != '\r')
                return fail(400, "BAD_REQUEST", "Lines must end with CRLF");
            if (m_lineEnd < 0)
                m_lineEnd = length;
            else if (m_buffer.endsWith("\r\n\r\n"))
                return headEnded();
        }
        if (m_lineEnd < 0 && length > m_limits.maxRequestLineBytes)
            return fail(414, "URI_TOO_LONG", "The request line is too long");
        if (m_lineEnd >= 0 && length - m_lineEnd > m_limits.maxHeaderBytes)
            return fail(431, "HEADERS_TOO_LARGE", "The request headers are too large");
    }
    return Result::NeedMore;
}

RequestFramer::Result RequestFramer::headEnded()
{
    HeadParseResult parsed =
        parseRequestHead(m_buffer.left(m_buffer.size() - 4), m_limits.maxHeaderFields);
    m_buffer.clear();
    m_lineEnd = -1;
    using V = HeadParseResult::Verdict;
    switch (parsed.verdict) {
    case V::Ok:
        break;
    case V::BadRequest:
        return fail(400, "BAD_REQUEST", parsed.reason.constData());
    case V::TooLarge:
        return fail(431, "HEADERS_TOO_LARGE", parsed.reason.constData());
    case V::VersionNotSupported:
        return fail(505, "HTTP_VERSION_NOT_SUPPORTED", parsed.reason.constData());
    }
    m_head = std::move(parsed.head);
    if (const Result started = startBody(); started != Result::NeedMore)
        return started;
    if (m_head.chunked) {
        m_state = State::ChunkSize;
        return Result::HeadComplete;
    }
    if (m_head.contentLength > 0) {
        m_remaining = m_head.contentLength;
        m_state = State::Body;
        return Result::HeadComplete;
    }
    m_state = State::Done;
    return Result::Request;
}

RequestFramer::Result RequestFramer::feedChunkLine(const char *data, qsizetype size,
                                                   qsizetype *used)
{
    qsizetype i = 0;
    while (i < size && data[i] != '\n')
        ++i;
    const bool complete = i < size;
    m_buffer.append(data, complete ? i + 1 : size);
    *used = complete ? i + 1 : size;
    if (m_state == State::Trailer) {
        m_trailerBytes += *used;
        if (m_trailerBytes > m_limits.maxHeaderBytes)
            return fail(431, "HEADERS_TOO_LARGE", "The request trailer is too large");
    } else if (m_buffer.size() > (m_state == State::ChunkEnd ? 2 : maxChunkLineBytes)) {
        return fail(400, "BAD_REQUEST", "Malformed chunk");
    }
    if (!complete)
        return Result::NeedMore;
    const QByteArray line = std::exchange(m_buffer, QByteArray());
    if (!line.endsWith("\r\n") || line.indexOf('\r') != line.size() - 2)
        return fail(400, "BAD_REQUEST", "Lines must end with CRLF");
    switch (m_state) {
    case State::ChunkEnd:
        if (line.size() != 2)
            return fail(400, "BAD_REQUEST", "Malformed chunk");
        m_state = State::ChunkSize;
        return Result::NeedMore;
    case State::Trailer:
        if (line.size() != 2)
            return Result::NeedMore; // trailer fields are read and ignored
        m_state = State::Done;
        return Result::Request;
    default:
        break;
    }
    const std::optional<qint64> parsed =
        httpsyntax::parseChunkSize(QByteArrayView(line).chopped(2)); // without the CRLF
    if (!parsed)
        return fail(400, "BAD_REQUEST", "Malformed chunk size");
    const qint64 chunk = *parsed;
    if (chunk == 0) {
        m_trailerBytes = 0;
        m_state = State::Trailer;
        return Result::NeedMore;
    }
    if (m_bodyBytes + chunk > m_bodyLimit)
        return bodyTooLarge();
    m_remaining = chunk;
    m_state = State::ChunkData;
    return Result::NeedMore;
}

} // namespace hearth
