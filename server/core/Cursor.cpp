#include "core/Cursor.h"

#include <QtCore/QByteArray>

namespace hearth {

QString Cursor::encode() const
{
    const QByteArray raw = QByteArray::number(time) + ':' + id.toUtf8();
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<Cursor> Cursor::decode(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray *raw = &decoded.decoded;
    const qsizetype colon = raw->indexOf(':');
    if (colon <= 0 || colon == raw->size() - 1)
        return std::nullopt;
    bool ok = false;
    const qint64 time = raw->left(colon).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return Cursor{time, QString::fromUtf8(raw->mid(colon + 1))};
}

} // namespace hearth
