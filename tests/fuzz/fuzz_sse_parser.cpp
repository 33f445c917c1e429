// The upstream SSE parser on hostile bytes: no crash, bounded lines, and the
// same events however the stream is cut into reads.
#include "llm/SseParser.h"

#include <cstdint>
#include <cstdlib>

using namespace hearth;

namespace {

QList<QByteArray> parse(const QByteArray &bytes, qsizetype piece, bool *failed)
{
    SseParser parser(4096);
    QList<QByteArray> events;
    for (qsizetype start = 0; start < bytes.size() && !parser.failed(); start += piece) {
        for (const SseEvent &event : parser.feed(bytes.mid(start, piece)))
            events << event.event + '\0' + event.data + '\0' + event.id;
    }
    *failed = parser.failed();
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = 1 + data[0] % 32;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    bool failedWhole = false;
    bool failedPieces = false;
    const QList<QByteArray> whole = parse(bytes, bytes.size() + 1, &failedWhole);
    const QList<QByteArray> pieces = parse(bytes, piece, &failedPieces);
    // A too-long line fails both ways; events before it may differ in how
    // many were delivered, so compare only clean runs.
    if (failedWhole != failedPieces || (!failedWhole && whole != pieces))
        std::abort();
    for (const QByteArray &event : whole) {
        if (event.size() > 3 * 4096 + bytes.size())
            std::abort();
    }
    return 0;
}
