#pragma once

#include <QtCore/QString>

namespace hearth {

// Rough token count for providers that report no usage: about four Latin
// characters per token, one token per CJK character. Marked "estimated".
int estimateTokens(const QString &text);

} // namespace hearth
