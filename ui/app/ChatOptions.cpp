#include "app/ChatOptions.h"

#include "app/FormDialog.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSpinBox>

namespace hearth::ui {

namespace {
const QString temperatureKey = QStringLiteral("temperature");
const QString maxTokensKey = QStringLiteral("maxTokens");
constexpr double defaultTemperatureShown = 0.7;
constexpr int defaultMaxTokensShown = 1024;
// A number that may be left to the model: a "Set" box enables the field;
// unticked means "the model's default". Returns the box.
QCheckBox *addOptionalRow(FormDialog *dialog, const QString &label, QAbstractSpinBox *field,
                          bool set, const QString &accessibleName)
{
    auto *own = new QCheckBox(QCoreApplication::translate("ChatOptions", "Set"), dialog);
    own->setChecked(set);
    field->setEnabled(set);
    QObject::connect(own, &QCheckBox::toggled, field, &QWidget::setEnabled);
    auto *row = new QWidget(dialog);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(own);
    layout->addWidget(field, 1);
    dialog->addRow(label, row);
    field->setAccessibleName(accessibleName);
    return own;
}

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
    QCheckBox *ownTemperature = addOptionalRow(
        dialog, QCoreApplication::translate("ChatOptions", "&Temperature:"), temperature,
        current.temperature.has_value(), QCoreApplication::translate("ChatOptions", "Temperature"));
    auto *maxTokens = new QSpinBox(dialog);
    maxTokens->setRange(1, 128000);
    maxTokens->setValue(current.maxTokens.value_or(defaultMaxTokensShown));
    QCheckBox *ownMaxTokens = addOptionalRow(
        dialog, QCoreApplication::translate("ChatOptions", "&Longest reply (tokens):"), maxTokens,
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
