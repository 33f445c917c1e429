#include "app/AdminProvidersPage.h"

#include "app/Confirm.h"
#include "app/FormDialog.h"
#include "app/ProviderPresets.h"
#include "app/Tables.h"
#include "client/ApiConnection.h"
#include "client/ServerMessages.h"

#include <QtCore/QJsonObject>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

AdminProvidersPage::AdminProvidersPage(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_table(makeTable(
          {tr("Name"), tr("Address"), tr("API key"), tr("Models"), tr("Enabled"), tr("Priority")},
          tr("Providers"), this))
    , m_status(new QLabel(this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_test(new QPushButton(tr("Test connection"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
{
    m_status->setWordWrap(true);
    auto *add = new QPushButton(tr("Add provider…"), this);
    connect(add, &QPushButton::clicked, this, [this] { openEditor(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openEditor(selectedProvider()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this,
            [this] { openEditor(selectedProvider()); });
    connect(m_test, &QPushButton::clicked, this, &AdminProvidersPage::testSelected);
    connect(m_delete, &QPushButton::clicked, this, &AdminProvidersPage::deleteSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        for (QPushButton *button : {m_edit, m_test, m_delete})
            button->setEnabled(!selectedId(m_table).isEmpty());
    });
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {add, m_edit, m_test, m_delete})
        buttons->addWidget(button);
    buttons->addStretch(1);
    for (QPushButton *button : {m_edit, m_test, m_delete})
        button->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
}

void AdminProvidersPage::reload()
{
    connect(m_api.get(QStringLiteral("/v1/admin/providers")), &client::ApiCall::finished, this,
            [this](const client::ApiResult &result) {
                if (result.ok())
                    show(result.json.array());
                else
                    m_status->setText(result.error);
                emit loaded();
            });
}

QString AdminProvidersPage::statusText() const
{
    return m_status->text();
}

void AdminProvidersPage::show(const QJsonArray &providers)
{
    m_providers = providers;
    m_table->setRowCount(int(providers.size()));
    for (int row = 0; row < providers.size(); ++row) {
        const QJsonObject p = providers.at(row).toObject();
        const QJsonValue key = p.value(QLatin1String("apiKey"));
        setTableRow(m_table, row,
                    {p.value(QLatin1String("name")).toString(),
                     p.value(QLatin1String("baseUrl")).toString(),
                     key.isNull() ? tr("None") : key.toString(),
                     QString::number(p.value(QLatin1String("models")).toArray().size()),
                     p.value(QLatin1String("enabled")).toBool() ? tr("Yes") : tr("No"),
                     QString::number(p.value(QLatin1String("priority")).toInt())},
                    p.value(QLatin1String("id")).toString(), {3, 5});
    }
    if (providers.isEmpty())
        m_status->setText(tr("No provider yet. Add one so people can chat: DeepSeek or OpenAI "
                             "with an API key, or Ollama running on this computer."));
}

QJsonObject AdminProvidersPage::selectedProvider() const
{
    const QString id = selectedId(m_table);
    for (const QJsonValue &p : m_providers) {
        if (p.toObject().value(QLatin1String("id")).toString() == id)
            return p.toObject();
    }
    return {};
}

FormDialog *AdminProvidersPage::openEditor(const QJsonObject &provider)
{
    const bool adding = provider.isEmpty();
    auto *dialog = new FormDialog(adding ? tr("Add provider") : tr("Edit provider"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *preset = new QComboBox(dialog);
    for (const ProviderPreset &p : providerPresets)
        preset->addItem(QLatin1String(p.name));
    preset->addItem(tr("Custom"));
    auto *name = new QLineEdit(provider.value(QLatin1String("name")).toString(), dialog);
    auto *baseUrl = new QLineEdit(provider.value(QLatin1String("baseUrl")).toString(), dialog);
    baseUrl->setPlaceholderText(QStringLiteral("https://…/v1"));
    auto *key = new QLineEdit(dialog);
    key->setEchoMode(QLineEdit::Password);
    // A stored key never comes back from the server; leaving the field
    // empty keeps it.
    const QJsonValue storedKey = provider.value(QLatin1String("apiKey"));
    key->setPlaceholderText(
        !adding && !storedKey.isNull()
            ? tr("Stored (%1); leave empty to keep it").arg(storedKey.toString())
            : tr("Not needed for Ollama"));
    auto *priority = new QSpinBox(dialog);
    priority->setRange(-1000, 1000);
    priority->setValue(provider.value(QLatin1String("priority")).toInt());
    priority->setToolTip(tr("Providers with a higher priority are tried first for a model."));
    auto *enabled = new QCheckBox(tr("Use this provider"), dialog);
    enabled->setChecked(adding || provider.value(QLatin1String("enabled")).toBool());
    if (adding) {
        dialog->addRow(tr("&Preset:"), preset);
        const auto applyPreset = [=](int index) {
            const bool custom = index >= providerPresetCount;
            name->setText(custom ? QString() : QLatin1String(providerPresets[index].name));
            baseUrl->setText(custom ? QString() : QLatin1String(providerPresets[index].baseUrl));
            key->setPlaceholderText(!custom && !providerPresets[index].needsKey
                                        ? tr("Not needed for Ollama")
                                        : tr("Your key from the provider"));
        };
        connect(preset, &QComboBox::currentIndexChanged, dialog, applyPreset);
        applyPreset(0);
    }
    dialog->addRow(tr("&Name:"), name);
    dialog->addRow(tr("&Address:"), baseUrl);
    dialog->addRow(tr("API &key:"), key);
    dialog->addRow(tr("P&riority:"), priority);
    dialog->addRow(QString(), enabled);
    dialog->addNote(tr("Hearth asks the provider for its models when you save."));
    dialog->setSubmitText(adding ? tr("Add provider") : tr("Save"));
    connect(dialog, &FormDialog::submitted, this, [=, this] {
        QJsonObject body{{QStringLiteral("name"), name->text().trimmed()},
                         {QStringLiteral("baseUrl"), baseUrl->text().trimmed()},
                         {QStringLiteral("priority"), priority->value()},
                         {QStringLiteral("enabled"), enabled->isChecked()}};
        if (!key->text().isEmpty())
            body.insert(QStringLiteral("apiKey"), key->text().trimmed());
        client::ApiCall *call =
            adding ? m_api.post(QStringLiteral("/v1/admin/providers"), body)
                   : m_api.patch(QStringLiteral("/v1/admin/providers/") +
                                     provider.value(QLatin1String("id")).toString(),
                                 body);
        connect(call, &client::ApiCall::finished, dialog,
                [=, this](const client::ApiResult &result) {
                    if (!result.ok()) {
                        dialog->showError(result.error);
                        return;
                    }
                    const int models =
                        int(result.json.object().value(QLatin1String("models")).toArray().size());
                    m_status->setText(models > 0
                                          ? tr("Saved %1: %n model(s) available.", nullptr, models)
                                                .arg(name->text().trimmed())
                                          : tr("Saved %1, but it offered no models. Check the "
                                               "address and key, then Test connection.")
                                                .arg(name->text().trimmed()));
                    dialog->accept();
                    reload();
                });
    });
    dialog->open();
    return dialog;
}

void AdminProvidersPage::testSelected()
{
    const QJsonObject provider = selectedProvider();
    const QString name = provider.value(QLatin1String("name")).toString();
    m_status->setText(tr("Testing %1…").arg(name));
    m_test->setEnabled(false);
    connect(m_api.post(QStringLiteral("/v1/admin/providers/") +
                           provider.value(QLatin1String("id")).toString() + QStringLiteral("/test"),
                       {}),
            &client::ApiCall::finished, this, [=, this](const client::ApiResult &result) {
                m_test->setEnabled(true);
                const QJsonObject answer = result.json.object();
                const bool ok = result.ok() && answer.value(QLatin1String("ok")).toBool();
                if (!result.ok())
                    m_status->setText(result.error);
                else if (ok)
                    m_status->setText(
                        tr("%1 answered in %2 ms with %n model(s).", nullptr,
                           int(answer.value(QLatin1String("models")).toArray().size()))
                            .arg(name)
                            .arg(qint64(answer.value(QLatin1String("latencyMs")).toDouble())));
                else
                    m_status->setText(
                        tr("%1 did not answer: %2")
                            .arg(name, client::localizedServerMessage(
                                           answer.value(QLatin1String("error")).toString())));
                emit tested(ok);
            });
}

void AdminProvidersPage::deleteSelected()
{
    const QJsonObject provider = selectedProvider();
    const QString name = provider.value(QLatin1String("name")).toString();
    confirmDestructive(
        this, tr("Delete provider"),
        tr("Delete %1? Its models will no longer be offered.").arg(name), tr("Delete"), [=, this] {
            connect(m_api.remove(QStringLiteral("/v1/admin/providers/") +
                                 provider.value(QLatin1String("id")).toString()),
                    &client::ApiCall::finished, this, [=, this](const client::ApiResult &result) {
                        m_status->setText(result.ok() ? tr("Deleted %1.").arg(name) : result.error);
                        if (result.ok())
                            reload();
                    });
        });
}

} // namespace hearth::ui
