#pragma once

#include <QtWidgets/QFrame>

class QButtonGroup;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;

namespace hearth::ui {

// The window's left rail: Chat, Usage, Admin and Settings as a column of
// buttons that switch the pages of a stack, Ctrl+1…4 as their shortcuts.
class NavRail final : public QFrame
{
    Q_OBJECT
public:
    NavRail(QStackedWidget *pages, QWidget *parent = nullptr);

    // Adds `page` to the stack with its button; `atBottom` puts the button
    // under the others (Settings).
    QToolButton *addPage(QWidget *page, const QString &text, const QString &toolTip,
                         bool atBottom = false);
    void show(QWidget *page);
    QWidget *current() const;

signals:
    void pageShown(QWidget *page);

private:
    QStackedWidget *m_pages;
    QButtonGroup *m_buttons;
    QVBoxLayout *m_top;
    QVBoxLayout *m_bottom;
};

} // namespace hearth::ui
