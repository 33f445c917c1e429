#pragma once

#include <QtWidgets/QScrollArea>

class QLabel;
class QVBoxLayout;

namespace hearth::ui {

class CodeHighlighter;
class MessageBubble;

// The conversation: bubbles in a column, kept scrolled to the end while the
// reader is at the end. Reaching the top asks for older messages, which
// come in above without moving what the reader is looking at.
class MessageView final : public QScrollArea
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);
    // The widest the conversation's column grows (the composer follows it),
    // and the space beside it in a view `width` wide.
    static constexpr int columnWidth = 820;
    static int sideMargin(int width);

    void clear();
    MessageBubble *addMessage(const QString &role, const QString &text);
    // Older messages, oldest first, above the ones shown.
    void prependMessages(const QList<QPair<QString, QString>> &roleAndText,
                         QList<MessageBubble *> *added = nullptr);
    // Removes `bubble` and every one after it.
    void removeFrom(MessageBubble *bubble);
    QList<MessageBubble *> bubbles() const;
    void setPlaceholder(const QString &text);
    void setHasOlder(bool hasOlder) { m_hasOlder = hasOlder; }
    bool hasOlder() const { return m_hasOlder; }
    // Asks for the next older page, as reaching the top does.
    void requestOlder();

signals:
    void olderRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void followEnd();

    CodeHighlighter *m_highlighter; // one for the conversation's code blocks
    QWidget *m_column;
    QVBoxLayout *m_layout;
    QLabel *m_placeholder;
    bool m_atEnd = true;
    bool m_hasOlder = false;
    int m_keepFromEnd = -1; // distance from the bottom to restore after a prepend
};

} // namespace hearth::ui
