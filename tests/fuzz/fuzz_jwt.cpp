// JWT verification on hostile tokens: never a crash, and never a token
// accepted that this secret did not sign (HS256 only; "none" and other
// algorithms refused).
#include "security/Jwt.h"

#include <cstdint>
#include <cstdlib>

using namespace hearth;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Jwt jwt(QByteArrayLiteral("fuzzing-secret-that-is-long-enough-0123456789"));
    const QByteArray token(reinterpret_cast<const char *>(data), qsizetype(size));
    const Jwt::Verified verified = jwt.verify(token, 1700000000);
    // Only what we sign verifies, byte for byte: the fuzzer's token must be
    // exactly the one this secret makes for those claims (no second spelling
    // of a signature, no extra segments), and never an expired one.
    if (verified.ok() && (jwt.sign(verified.claims) != token ||
                          verified.claims.value(QLatin1String("exp")).toDouble() <= 1700000000))
        std::abort();
    return 0;
}
