#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

class QIODevice;

namespace hearth {

// What an upload really is, told by its bytes: a file named "cat.png" that
// is an ELF program is a program. Images and PDFs by their signatures;
// anything else is text only if all of it decodes (UTF-8, or GB18030 as
// Chinese Windows saves it) without NULs or stray control characters.
struct SniffedContent
{
    enum class Kind { Empty, Image, Pdf, Text, Unsupported };
    Kind kind = Kind::Unsupported;
    // image/png, image/jpeg, image/webp, image/gif, application/pdf,
    // text/plain; empty when unsupported.
    QByteArray mediaType;
    // For text: the encoding it was found in ("UTF-8" or "GB18030").
    QByteArray encoding;
    // For text: its length as a model gets it (UTF-16 units, no BOM).
    qsizetype characters = 0;
    // For refusals, in plain words: "a program (ELF)", "a ZIP archive"…
    QString what;
};

// Reads `file` from its start (all of it when it has no known signature,
// in small pieces) and leaves it positioned anywhere.
SniffedContent sniffContent(QIODevice &file);

} // namespace hearth
