#pragma once

#include <QtWidgets/QLabel>

#include <array>

namespace hearth::ui {

// A wrapped Markdown label that remembers its height for the last few widths.
// Box layouts ask every item for its height *and* minimum height for a width,
// and QLabel lays its whole document out again for each question, so a
// conversation of long replies re-laid out every message on every streamed
// delta. The answer only changes with the text or the font.
class ProseLabel final : public QLabel
{
public:
    explicit ProseLabel(QWidget *parent = nullptr);

    void setMarkdown(const QString &markdown);
    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void forgetHeights();

    struct Height
    {
        int width = -1;
        int height = 0;
    };
    mutable std::array<Height, 4> m_heights;
    mutable int m_nextSlot = 0;
};

} // namespace hearth::ui
