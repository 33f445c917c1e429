#include "app/ProseLabel.h"

#include <QtCore/QEvent>

namespace hearth::ui {

ProseLabel::ProseLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::MarkdownText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    setOpenExternalLinks(true);
}

void ProseLabel::setMarkdown(const QString &markdown)
{
    forgetHeights();
    setText(markdown);
}

int ProseLabel::heightForWidth(int width) const
{
    for (const Height &known : m_heights) {
        if (known.width == width)
            return known.height;
    }
    const int height = QLabel::heightForWidth(width);
    m_heights[m_nextSlot] = {width, height};
    m_nextSlot = (m_nextSlot + 1) % int(m_heights.size());
    return height;
}

void ProseLabel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::ContentsRectChange:
    case QEvent::LayoutDirectionChange:
        forgetHeights();
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}

void ProseLabel::forgetHeights()
{
    m_heights.fill({});
    m_nextSlot = 0;
}

} // namespace hearth::ui
