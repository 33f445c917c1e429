#include "app/Composer.h"

#include <QtGui/QKeyEvent>

namespace hearth::ui {

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setPlaceholderText(tr("Type a message — Enter to send, Shift+Enter for a new line"));
    setAccessibleName(tr("Message"));
    setTabChangesFocus(true);
    setFixedHeight(fontMetrics().lineSpacing() * 4 + 16);
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

} // namespace hearth::ui
