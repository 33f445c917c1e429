#include "app/ChatOptions.h"

#include "app/FormDialog.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSpinBox>

namespace hearth::ui {

namespace {
const QString temperatureKey = QStringLiteral("temperature");
const QString maxTokensKey = QStringLiteral("maxTokens");
constexpr double defaultTemperatureShown = 0.7;
constexpr int defaultMaxTokensShown = 1024;
} // namespace

ChatOptions ChatOptions::fromConversation(const QJsonObject &conversation)
{
    ChatOptions options;
    options.systemPrompt = conversation.value(QLatin1String("systemPrompt")).toString();
    const QJsonObject metadata = conversation.value(QLatin1String("metadata")).toObject();
    if (metadata.value(temperatureKey).isDouble())
        options.temperature = metadata.value(temperatureKey).toDouble();
    if (metadata.value(maxTokensKey).isDouble())
        options.maxTokens = metadata.value(maxTokensKey).toInt();
    return options;
}

QJsonObject ChatOptions::conversationFields(const QJsonObject &metadata) const
{
    QJsonObject merged = metadata;
    merged.remove(temperatureKey);
    merged.remove(maxTokensKey);
    if (temperature)
        merged.insert(temperatureKey, *temperature);
    if (maxTokens)
        merged.insert(maxTokensKey, *maxTokens);
    return {{QStringLiteral("systemPrompt"), systemPrompt}, {QStringLiteral("metadata"), merged}};
}

void ChatOptions::addTo(QJsonObject &messageBody) const
{
    if (temperature)
        messageBody.insert(temperatureKey, *temperature);
    if (maxTokens)
        messageBody.insert(maxTokensKey, *maxTokens);
}

bool ChatOptions::isDefault() const
{
    return systemPrompt.isEmpty() && !temperature && !maxTokens;
}

FormDialog *editChatOptions(QWidget *parent, const ChatOptions &current,
                            const std::function<void(FormDialog *, const ChatOptions &)> &apply)
{
    auto *dialog =
        new FormDialog(QCoreApplication::translate("ChatOptions", "Chat settings"), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *prompt = new QPlainTextEdit(current.systemPrompt, dialog);
    prompt->setPlaceholderText(QCoreApplication::translate(
        "ChatOptions", "Instructions the model follows in this chat, e.g. \"Answer briefly, in "
                       "Chinese.\""));
    prompt->setTabChangesFocus(true);
    dialog->addRow(QCoreApplication::translate("ChatOptions", "&System prompt:"), prompt);

    auto *temperature = new QDoubleSpinBox(dialog);
    temperature->setRange(0, 2);
    temperature->setSingleStep(0.1);
    temperature->setDecimals(2);
    temperature->setValue(current.temperature.value_or(defaultTemperatureShown));
    QCheckBox *ownTemperature = dialog->addOptionalRow(
        QCoreApplication::translate("ChatOptions", "&Temperature:"), temperature,
        current.temperature.has_value(), QCoreApplication::translate("ChatOptions", "Temperature"));
    auto *maxTokens = new QSpinBox(dialog);
    maxTokens->setRange(1, 128000);
    maxTokens->setValue(current.maxTokens.value_or(defaultMaxTokensShown));
    QCheckBox *ownMaxTokens = dialog->addOptionalRow(
        QCoreApplication::translate("ChatOptions", "&Longest reply (tokens):"), maxTokens,
        current.maxTokens.has_value(),
        QCoreApplication::translate("ChatOptions", "Longest reply, in tokens"));
    dialog->addNote(QCoreApplication::translate(
        "ChatOptions", "Lower temperatures give steadier answers, higher ones more "
                       "varied answers. Unticked values use the model's defaults."));
    dialog->setSubmitText(QCoreApplication::translate("ChatOptions", "Save"));

    QObject::connect(dialog, &FormDialog::submitted, dialog, [=] {
        ChatOptions chosen;
        chosen.systemPrompt = prompt->toPlainText().trimmed();
        if (ownTemperature->isChecked())
            chosen.temperature = temperature->value();
        if (ownMaxTokens->isChecked())
            chosen.maxTokens = maxTokens->value();
        apply(dialog, chosen);
    });
    dialog->open();
    return dialog;
}

} // namespace hearth::ui
