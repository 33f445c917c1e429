#include "llm/ChatProvider.h"

#include <algorithm>

namespace hearth {

bool ChatProvider::serves(const QString &model) const
{
    const QList<ModelInfo> list = models();
    return std::any_of(list.cbegin(), list.cend(),
                       [&](const ModelInfo &m) { return m.id == model; });
}

} // namespace hearth
