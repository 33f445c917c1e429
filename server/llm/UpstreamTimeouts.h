#pragma once

namespace hearth {

struct UpstreamTimeouts
{
    int connectMs = 15000;    // until the request has been sent
    int firstByteMs = 120000; // from sending until the first byte of the answer
    int idleMs = 90000;       // between two pieces of a streamed answer
};

} // namespace hearth
