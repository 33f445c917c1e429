// The request framer on hostile bytes. Besides "no crash, no leak, no
// undefined behaviour", a differential check: the requests and the verdict
// must not depend on how the bytes were cut into reads.
#include "http/RequestFramer.h"

#include <cstdint>
#include <cstdlib>

using namespace hearth;

namespace {

struct Outcome
{
    QList<QByteArray> requests; // method, target, length, body of each
    int errorStatus = 0;
    bool operator==(const Outcome &other) const = default;
};

RequestFramer::Limits smallLimits()
{
    // Small limits, so the fuzzer reaches every refusal with short inputs.
    RequestFramer::Limits limits;
    limits.maxRequestLineBytes = 256;
    limits.maxHeaderBytes = 512;
    limits.maxHeaderFields = 8;
    limits.maxBodyBytes = 1024;
    return limits;
}

Outcome frame(const QByteArray &bytes, qsizetype piece)
{
    RequestFramer framer(smallLimits());
    Outcome out;
    for (qsizetype start = 0; start < bytes.size() && !out.errorStatus; start += piece) {
        const qsizetype size = qMin(piece, bytes.size() - start);
        qsizetype offset = 0;
        while (offset < size) {
            qsizetype used = 0;
            const auto result =
                framer.feed(bytes.constData() + start + offset, size - offset, &used);
            if (used < 0 || used > size - offset)
                std::abort();
            offset += used;
            if (result == RequestFramer::Result::Error) {
                out.errorStatus = framer.error().status;
                break;
            }
            if (result == RequestFramer::Result::Request) {
                const RequestHead head = framer.takeHead();
                const QByteArray body = framer.takeBody();
                if (body.size() > smallLimits().maxBodyBytes)
                    std::abort();
                out.requests << head.method + ' ' + head.target + ' ' +
                                    QByteArray::number(head.contentLength) + ' ' + body;
            } else if (used == 0) {
                std::abort(); // no progress and nothing to report: a livelock
            }
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = 1 + data[0] % 16;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (!(frame(bytes, bytes.size() + 1) == frame(bytes, piece)))
        std::abort();
    return 0;
}
