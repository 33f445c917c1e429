#pragma once

#include "core/Outcome.h"

#include <QtCore/QString>

class QIODevice;

namespace hearth {

// The text of a PDF, page after page, read by poppler: what a model gets of
// an attached PDF. A damaged PDF or one locked by a password is a clear
// error; a scan without a text layer gives no text (and pages > 0).
struct PdfText
{
    QString text;
    int pages = 0;
    bool cut = false; // longer than the limit: only the start was kept
};

Outcome<PdfText> extractPdfText(QIODevice &pdf, qsizetype maxCharacters);

} // namespace hearth
