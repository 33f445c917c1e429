#pragma once

#include "http/RequestHead.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <functional>
#include <memory>
#include <optional>

class QTemporaryFile;

namespace hearth {

// Cuts a connection's bytes into requests: finds the end of each head
// (enforcing the size limits while it is still arriving), parses it, then
// reads the body by Content-Length or by decoding chunks. Pure and
// socket-free, so it is unit-tested and fuzzed on its own; the connection
// guard feeds it and acts on what it returns.
class RequestFramer final
{
public:
    struct Limits
    {
        int maxRequestLineBytes = 8 * 1024;
        int maxHeaderBytes = 16 * 1024; // the fields, without the request line
        int maxHeaderFields = 100;
        qint64 maxBodyBytes = 4 * 1024 * 1024;
        // Uploads: for a head this gives a limit for, the body goes to a
        // temporary file in spoolDir instead of memory, up to that limit.
        std::function<qint64(const RequestHead &)> spooledBodyLimit;
        // Refuses a spooled body by its head, before any of it is read.
        std::function<std::optional<HttpRefusal>(const RequestHead &)> admitSpooledBody;
        QString spoolDir;
    };
    enum class Result {
        NeedMore,     // every byte was used; the request is not complete yet
        HeadComplete, // the head has been parsed; call feed() again for the body
        Request,      // a whole request is ready: takeHead() and takeBody()
        Error         // the connection must be refused with error()
    };
    using Error = HttpRefusal;

    explicit RequestFramer(const Limits &limits);
    ~RequestFramer();
    RequestFramer(const RequestFramer &) = delete;
    RequestFramer &operator=(const RequestFramer &) = delete;

    // Uses bytes from `data` and says how many in `*used`; stops early at
    // HeadComplete, Request and Error so the caller can act in order.
    Result feed(const char *data, qsizetype size, qsizetype *used);

    const RequestHead &head() const { return m_head; }
    RequestHead takeHead();
    QByteArray takeBody();
    // The file a spooled body was written to (flushed, open, positioned at
    // its end; removed when destroyed), or null. Take it before takeBody().
    std::unique_ptr<QTemporaryFile> takeSpool();
    const Error &error() const { return m_error; }
    // Some bytes of a request have arrived but not its whole head.
    bool readingHead() const { return m_state == State::Head && !m_buffer.isEmpty(); }
    bool readingBody() const;

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Done, Failed };

    Result feedHead(const char *data, qsizetype size, qsizetype *used);
    Result headEnded();
    Result feedChunkLine(const char *data, qsizetype size, qsizetype *used);
    Result fail(int status, const char *code, const char *message);
    Result bodyTooLarge();
    Result startBody();
    bool appendBody(const char *data, qsizetype size);

    Limits m_limits;
    State m_state = State::Head;
    QByteArray m_buffer;      // the head, or the current chunk-size or trailer line
    qsizetype m_lineEnd = -1; // end of the request line within m_buffer, once seen
    qint64 m_remaining = 0;   // body or chunk bytes still to come
    qint64 m_trailerBytes = 0;
    RequestHead m_head;
    QByteArray m_body;
    qint64 m_bodyLimit = 0; // for the current request
    qint64 m_bodyBytes = 0; // received so far, in memory or spooled
    std::unique_ptr<QTemporaryFile> m_spool;
    Error m_error;
};

} // namespace hearth
