#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QHash>

namespace hearth {

// Reads one HTTP/1.1 response from an upstream's bytes: the status line and
// headers (bounded), then the body by Content-Length, by chunks or until the
// connection closes. Body bytes are handed out as they arrive, de-chunked,
// so a stream is relayed without waiting for its end. Pure and socket-free.
class HttpResponseReader final
{
public:
    enum class State { Head, Body, Done, Failed };

    // Uses bytes from `data` (up to the end of this response), appending body
    // bytes to `*body`; returns how many it used.
    qsizetype feed(const char *data, qsizetype size, QByteArray *body);
    // The connection closed: the end of a close-delimited body, else an error.
    void endOfInput();

    State state() const { return m_state; }
    bool headReceived() const { return m_status != 0; }
    int status() const { return m_status; }
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return m_headers.value(lowerCaseName);
    }
    // Whether the connection may carry another request afterwards.
    bool reusable() const { return m_state == State::Done && m_keepAlive; }
    const QByteArray &error() const { return m_error; }

private:
    enum class Body { None, Length, Chunked, UntilClose };
    enum class Chunk { Size, Data, DataEnd, Trailer };

    qsizetype feedHead(const char *data, qsizetype size);
    void parseHead();
    qsizetype feedChunked(const char *data, qsizetype size, QByteArray *body);
    void fail(const char *why);

    State m_state = State::Head;
    QByteArray m_line; // head so far, or the current chunk line
    int m_status = 0;
    QHash<QByteArray, QByteArray> m_headers;
    bool m_keepAlive = true;
    Body m_body = Body::None;
    Chunk m_chunk = Chunk::Size;
    qint64 m_remaining = 0;
    QByteArray m_error;
};

} // namespace hearth
