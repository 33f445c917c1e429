#pragma once

#include <QtWidgets/QPlainTextEdit>

namespace hearth::ui {

// Where the user types: Enter sends, Shift+Enter starts a new line.
class Composer final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

signals:
    void sendRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace hearth::ui
