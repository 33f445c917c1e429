#pragma once

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtWidgets/QFrame>

class QLabel;
class QLineEdit;
class QToolButton;

namespace hearth::ui {

class MessageView;

// Ctrl+F in a conversation: finds text in the messages on screen (as they
// read, not their Markdown), selects each match in turn and scrolls to it.
// Enter or F3 goes to the next, Shift+Enter or Shift+F3 to the one before,
// Esc closes.
class FindBar final : public QFrame
{
    Q_OBJECT
public:
    explicit FindBar(MessageView *view, QWidget *parent = nullptr);

    void open();
    void close();
    QLineEdit *field() const { return m_field; }
    QString countText() const;
    int matchCount() const { return int(m_matches.size()); }
    int current() const { return m_current; }

public slots:
    void next();
    void previous();
    // Searches again (the conversation changed).
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Match
    {
        QPointer<QWidget> target; // a prose label or a code view
        int start;
        int length;
    };
    // A label's or code view's text as it reads on screen, whose positions
    // setSelection() takes.
    QString shownText(const QWidget *target);
    void select(const Match &match, bool on);
    void go(int index);
    void clearSelection();

    MessageView *m_view;
    QLineEdit *m_field;
    QLabel *m_count;
    QToolButton *m_older; // while older messages are not loaded yet
    QList<Match> m_matches;
    struct Shown
    {
        QString source; // the label's Markdown or HTML
        QString plain;
    };
    QHash<const QLabel *, Shown> m_shown; // while the bar is open
    int m_current = -1;
};

} // namespace hearth::ui
