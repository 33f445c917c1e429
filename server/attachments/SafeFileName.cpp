#include "attachments/SafeFileName.h"

namespace hearth {

namespace {

constexpr qsizetype maxLength = 200;

bool unwanted(QChar c)
{
    const char16_t u = c.unicode();
    return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
           u == 0xfffd || (u >= 0x2028 && u <= 0x2029);
}

} // namespace

QString safeFileName(const QString &given, const QString &fallback)
{
    QString name = given.mid(qMax(given.lastIndexOf(u'/'), given.lastIndexOf(u'\\')) + 1);
    name.removeIf(unwanted);
    name = name.trimmed();
    while (name.startsWith(u'.'))
        name.remove(0, 1); // no hidden files, no ".."
    if (name.size() > maxLength) {
        const qsizetype dot = name.lastIndexOf(u'.');
        const QString extension = dot > 0 && name.size() - dot <= 16 ? name.mid(dot) : QString();
        qsizetype keep = maxLength - extension.size();
        if (name.at(keep).isLowSurrogate())
            --keep; // never half a character
        name = name.left(keep).trimmed() + extension;
    }
    return name.isEmpty() ? fallback : name;
}

} // namespace hearth
