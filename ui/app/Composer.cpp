#include "app/Composer.h"

#include "app/AttachmentTray.h"

#include <QtCore/QMimeData>
#include <QtCore/QUrl>
#include <QtGui/QAbstractTextDocumentLayout>
#include <QtGui/QImage>
#include <QtGui/QKeyEvent>

#include <algorithm>

namespace hearth::ui {

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setPlaceholderText(tr("Type a message — Enter to send, Shift+Enter for a new line"));
    setAccessibleName(tr("Message"));
    setTabChangesFocus(true);
    setFrameShape(QFrame::NoFrame);
    // The field grows with what is typed, from two lines to ten, then scrolls.
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &Composer::fitHeight);
    fitHeight();
}

void Composer::fitHeight()
{
    constexpr int fewest = 2;
    constexpr int most = 10;
    // A plain text layout measures its document in lines.
    const int lines =
        std::clamp(int(document()->documentLayout()->documentSize().height()), fewest, most);
    const QMargins margins = contentsMargins();
    setFixedHeight(lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) +
                   margins.top() + margins.bottom());
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        emit sendRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool Composer::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || !AttachmentTray::localFiles(source).isEmpty() ||
           QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    if (const QStringList files = AttachmentTray::localFiles(source); !files.isEmpty())
        emit filesPasted(files);
    else if (source->hasImage())
        emit imagePasted(qvariant_cast<QImage>(source->imageData()));
    else
        QPlainTextEdit::insertFromMimeData(source);
}

} // namespace hearth::ui
