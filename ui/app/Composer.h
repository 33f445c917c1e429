#pragma once

#include <QtWidgets/QPlainTextEdit>

class QImage;

namespace hearth::ui {

// Where the user types: Enter sends, Shift+Enter starts a new line; it
// grows with its text. A
// picture pasted (a screenshot) or files pasted or dropped become files to
// send rather than text.
class Composer final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

signals:
    void sendRequested();
    void imagePasted(const QImage &image);
    void filesPasted(const QStringList &paths);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void fitHeight();
};

} // namespace hearth::ui
