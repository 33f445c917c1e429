#include "core/TokenEstimator.h"

namespace hearth {

int estimateTokens(const QString &text)
{
    int wide = 0;
    int narrow = 0;
    for (const QChar ch : text) {
        if (ch.unicode() >= 0x2E80)
            ++wide;
        else if (!ch.isLowSurrogate())
            ++narrow;
    }
    const int tokens = wide + (narrow + 3) / 4;
    return text.isEmpty() ? 0 : qMax(1, tokens);
}

} // namespace hearth
