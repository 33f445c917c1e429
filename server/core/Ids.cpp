#include "core/Ids.h"

#include <QtCore/QUuid>

namespace hearth {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace hearth
