#include "attachments/ContentSniffer.h"

#include <QtCore/QIODevice>
#include <QtCore/QStringDecoder>

#include <optional>

namespace hearth {

namespace {

constexpr qint64 pieceBytes = 64 * 1024;

struct Signature
{
    QByteArrayView magic;
    qsizetype offset;
    SniffedContent::Kind kind;
    const char *mediaType;
    const char *what;
};

// The formats Hearth takes, then common ones it refuses by name.
const Signature signatures[] = {
    {"\x89PNG\r\n\x1a\n", 0, SniffedContent::Kind::Image, "image/png", "a PNG image"},
    {"\xff\xd8\xff", 0, SniffedContent::Kind::Image, "image/jpeg", "a JPEG image"},
    {"GIF87a", 0, SniffedContent::Kind::Image, "image/gif", "a GIF image"},
    {"GIF89a", 0, SniffedContent::Kind::Image, "image/gif", "a GIF image"},
    {"%PDF-", 0, SniffedContent::Kind::Pdf, "application/pdf", "a PDF document"},
    {"\x7f"
     "ELF",
     0, SniffedContent::Kind::Unsupported, "", "a program (ELF)"},
    {"MZ", 0, SniffedContent::Kind::Unsupported, "", "a Windows program"},
    {"PK\x03\x04", 0, SniffedContent::Kind::Unsupported, "",
     "a ZIP archive (Word, Excel and PowerPoint files are ZIP archives too)"},
    {"\x1f\x8b", 0, SniffedContent::Kind::Unsupported, "", "a gzip archive"},
    {"7z\xbc\xaf\x27\x1c", 0, SniffedContent::Kind::Unsupported, "", "a 7-Zip archive"},
    {"Rar!", 0, SniffedContent::Kind::Unsupported, "", "a RAR archive"},
    {"\xd0\xcf\x11\xe0", 0, SniffedContent::Kind::Unsupported, "",
     "an old Office document (.doc, .xls)"},
    {"ftyp", 4, SniffedContent::Kind::Unsupported, "",
     "a video or HEIC photo (convert it to JPEG or PNG)"},
};

bool isWebp(QByteArrayView head)
{
    return head.size() >= 12 && head.first(4) == "RIFF" && head.sliced(8, 4) == "WEBP";
}

// Tab, newline, carriage return and form feed are text; other C0 controls
// (NUL above all) mean binary data.
bool hasBinaryControls(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r' && u != u'\f' && u != 0x1b)
            return true;
    }
    return false;
}

// Decodes all of `file` as `encoding`, piece by piece: its length in
// characters, or nullopt when it is not text in that encoding.
std::optional<qsizetype> decodesAs(QIODevice &file, QStringDecoder decoder)
{
    if (!decoder.isValid() || !file.seek(0))
        return std::nullopt;
    qsizetype characters = 0;
    while (!file.atEnd()) {
        const QByteArray piece = file.read(pieceBytes);
        if (piece.isEmpty())
            return std::nullopt;
        const QString text = decoder.decode(piece);
        if (decoder.hasError() || hasBinaryControls(text))
            return std::nullopt;
        characters += text.size() - (characters == 0 && text.startsWith(QChar(0xfeff)));
    }
    // A multi-byte sequence cut off at the end waits in the decoder's state:
    // a plain newline after it makes it an error.
    const QString tail = decoder.decode(QByteArrayView("\n")); // converting it decodes it
    Q_UNUSED(tail);
    if (decoder.hasError())
        return std::nullopt;
    return characters;
}

} // namespace

SniffedContent sniffContent(QIODevice &file)
{
    SniffedContent out;
    if (!file.seek(0))
        return out;
    const QByteArray head = file.peek(16);
    if (head.isEmpty() && file.atEnd()) {
        out.kind = SniffedContent::Kind::Empty;
        out.what = QStringLiteral("an empty file");
        return out;
    }
    if (isWebp(head)) {
        out.kind = SniffedContent::Kind::Image;
        out.mediaType = "image/webp";
        out.what = QStringLiteral("a WebP image");
        return out;
    }
    for (const Signature &s : signatures) {
        if (head.size() >= s.offset + s.magic.size() &&
            QByteArrayView(head).sliced(s.offset, s.magic.size()) == s.magic) {
            out.kind = s.kind;
            out.mediaType = s.mediaType;
            out.what = QString::fromUtf8(s.what);
            return out;
        }
    }
    for (const char *encoding : {"UTF-8", "GB18030"}) {
        if (const auto characters = decodesAs(file, QStringDecoder(encoding))) {
            out.kind = SniffedContent::Kind::Text;
            out.characters = *characters;
            out.mediaType = "text/plain";
            out.encoding = encoding;
            out.what = QStringLiteral("a text file");
            return out;
        }
    }
    out.what = QStringLiteral("binary data of a kind Hearth does not read");
    return out;
}

} // namespace hearth
