#pragma once

#include <QtWidgets/QWidget>

namespace hearth::ui {

// Above the composer while a question is being edited: what sending will
// do, and a way out. Knows which message is being edited.
class EditBar final : public QWidget
{
    Q_OBJECT
public:
    explicit EditBar(QWidget *parent = nullptr);

    void begin(const QString &messageId);
    void end();
    bool isEditing() const { return !m_messageId.isEmpty(); }
    QString messageId() const { return m_messageId; }

signals:
    void cancelRequested();

private:
    QString m_messageId;
};

} // namespace hearth::ui
