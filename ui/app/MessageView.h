#pragma once

#include <QtWidgets/QScrollArea>

class QLabel;
class QVBoxLayout;

namespace hearth::ui {

class MessageBubble;

// The conversation: bubbles in a column, kept scrolled to the end while the
// reader is at the end.
class MessageView final : public QScrollArea
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);

    void clear();
    MessageBubble *addMessage(const QString &role, const QString &text);
    QList<MessageBubble *> bubbles() const;
    void setPlaceholder(const QString &text);

private:
    void followEnd();

    QWidget *m_column;
    QVBoxLayout *m_layout;
    QLabel *m_placeholder;
    bool m_atEnd = true;
};

} // namespace hearth::ui
