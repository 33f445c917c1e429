#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <functional>
#include <optional>

class QWidget;

namespace hearth::ui {

class FormDialog;

// A conversation's own settings. The system prompt is the conversation's
// `systemPrompt`; temperature and max tokens live in its `metadata`, so any
// Hearth server keeps them, and go with every message sent.
struct ChatOptions
{
    QString systemPrompt;
    std::optional<double> temperature;
    std::optional<int> maxTokens;

    static ChatOptions fromConversation(const QJsonObject &conversation);
    // The conversation fields to create or PATCH with; `metadata` keeps the
    // keys other clients put there.
    QJsonObject conversationFields(const QJsonObject &metadata) const;
    // Adds temperature and maxTokens to a message body when set.
    void addTo(QJsonObject &messageBody) const;
    bool isDefault() const;
};

// Opens the settings form (window-modal). `apply` is called with the new
// options when OK is pressed; it answers with accept() or showError().
FormDialog *editChatOptions(QWidget *parent, const ChatOptions &current,
                            const std::function<void(FormDialog *, const ChatOptions &)> &apply);

} // namespace hearth::ui
