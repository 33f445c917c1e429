#include "attachments/PdfText.h"

#include <QtCore/QIODevice>

#include <poppler-qt6.h>

namespace hearth {

Outcome<PdfText> extractPdfText(QIODevice &pdf, qsizetype maxCharacters)
{
    if (!pdf.seek(0))
        return ApiError::internal();
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::load(&pdf);
    if (!document)
        return ApiError{422,
                        QStringLiteral("UNREADABLE_FILE"),
                        QStringLiteral("The PDF could not be read: the file is damaged or "
                                       "incomplete"),
                        {},
                        0};
    if (document->isLocked())
        return ApiError{422,
                        QStringLiteral("PASSWORD_PROTECTED"),
                        QStringLiteral("The PDF is protected by a password: save a copy "
                                       "without one and attach that"),
                        {},
                        0};
    PdfText out;
    out.pages = document->numPages();
    for (int i = 0; i < out.pages && !out.cut; ++i) {
        const std::unique_ptr<Poppler::Page> page = document->page(i);
        const QString text = page ? page->text(QRectF()).trimmed() : QString();
        if (text.isEmpty())
            continue;
        if (!out.text.isEmpty())
            out.text += QStringLiteral("\n\n");
        out.text += text;
        if (out.text.size() > maxCharacters) {
            out.text.truncate(maxCharacters);
            out.cut = true;
        }
    }
    return out;
}

} // namespace hearth
