#include "core/HttpSyntax.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

namespace hearth::httpsyntax {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

bool listContains(QByteArrayView value, QByteArrayView token)
{
    for (const QByteArray &item : value.toByteArray().split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool keepsAlive(bool http11, QByteArrayView connection)
{
    return http11 ? !listContains(connection, "close") : listContains(connection, "keep-alive");
}

std::optional<qint64> parseChunkSize(QByteArrayView line)
{
    constexpr qsizetype maxDigits = 15;
    qint64 size = 0;
    qsizetype digits = 0;
    for (; digits < line.size() && hexValue(line[digits]) >= 0; ++digits) {
        if (digits < maxDigits) // more digits are refused below; never overflow
            size = size * 16 + hexValue(line[digits]);
    }
    const QByteArrayView extensions = line.sliced(digits).trimmed();
    if (digits == 0 || digits > maxDigits || (!extensions.isEmpty() && !extensions.startsWith(';')))
        return std::nullopt;
    return size;
}

} // namespace hearth::httpsyntax
