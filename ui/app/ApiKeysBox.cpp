#include "app/ApiKeysBox.h"

#include "app/Confirm.h"
#include "app/FormDialog.h"
#include "app/Tables.h"
#include "client/ApiConnection.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

ApiKeysBox::ApiKeysBox(client::ApiConnection &api, QWidget *parent)
    : QGroupBox(tr("Your API keys"), parent)
    , m_api(api)
    , m_table(
          makeTable({tr("Name"), tr("Key"), tr("Created"), tr("Last used")}, tr("API keys"), this))
    , m_revoke(new QPushButton(tr("Revoke…"), this))
    , m_status(new QLabel(this))
    , m_newKey(new QLabel(this))
{
    stretchFirstColumn(m_table);
    m_table->setMinimumHeight(120);
    m_newKey->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_newKey->setWordWrap(true);
    m_newKey->hide();
    auto *create = new QPushButton(tr("Create key…"), this);
    connect(create, &QPushButton::clicked, this, &ApiKeysBox::openCreate);
    m_revoke->setEnabled(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_revoke->setEnabled(!selectedId(m_table).isEmpty()); });
    connect(m_revoke, &QPushButton::clicked, this, [this] {
        const QString id = selectedId(m_table);
        const QString name = m_table->item(m_table->currentRow(), 0)->text();
        confirmDestructive(this, tr("Revoke API key"),
                           tr("Revoke \"%1\"? Programs using it will stop working.").arg(name),
                           tr("Revoke"), [this, id] {
                               connect(m_api.remove(QStringLiteral("/v1/me/api-keys/") + id),
                                       &client::ApiCall::finished, this,
                                       [this](const client::ApiResult &result) {
                                           m_status->setText(result.error);
                                           reload();
                                       });
                           });
    });
    auto *intro = new QLabel(tr("Use a key as the API key of any OpenAI client, with this "
                                "server's address followed by /v1 as its base URL."),
                             this);
    intro->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_newKey);
    layout->addLayout(buttons);
}

void ApiKeysBox::reload()
{
    connect(m_api.get(QStringLiteral("/v1/me/api-keys")), &client::ApiCall::finished, this,
            [this](const client::ApiResult &result) {
                if (!result.ok()) {
                    m_status->setText(result.error);
                    emit loaded();
                    return;
                }
                const QJsonArray keys = result.json.array();
                m_table->setRowCount(int(keys.size()));
                for (int row = 0; row < keys.size(); ++row) {
                    const QJsonObject key = keys.at(row).toObject();
                    setTableRow(
                        m_table, row,
                        {key.value(QLatin1String("name")).toString(),
                         key.value(QLatin1String("prefix")).toString() + QStringLiteral("…"),
                         shortTime(key.value(QLatin1String("createdAt"))),
                         shortTime(key.value(QLatin1String("lastUsedAt")))},
                        key.value(QLatin1String("id")).toString());
                }
                m_revoke->setEnabled(!selectedId(m_table).isEmpty());
                emit loaded();
            });
}

FormDialog *ApiKeysBox::openCreate()
{
    auto *dialog = new FormDialog(tr("Create API key"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *name = new QLineEdit(dialog);
    name->setPlaceholderText(tr("What it is for, e.g. \"laptop scripts\""));
    dialog->addRow(tr("&Name:"), name);
    dialog->setSubmitText(tr("Create"));
    connect(dialog, &FormDialog::submitted, this, [=, this] {
        connect(m_api.post(QStringLiteral("/v1/me/api-keys"),
                           {{QStringLiteral("name"), name->text().trimmed()}}),
                &client::ApiCall::finished, dialog, [=, this](const client::ApiResult &result) {
                    if (!result.ok()) {
                        dialog->showError(result.error);
                        return;
                    }
                    dialog->accept();
                    showOnce(result.json.object().value(QLatin1String("key")).toString());
                    reload();
                });
    });
    dialog->open();
    return dialog;
}

void ApiKeysBox::showOnce(const QString &key)
{
    QGuiApplication::clipboard()->setText(key);
    m_newKey->setText(tr("Your new key, copied to the clipboard. It is shown only now, so keep "
                         "it somewhere safe:\n%1")
                          .arg(key));
    m_newKey->show();
    emit created(key);
}

QString ApiKeysBox::shownKey() const
{
    return !m_newKey->isHidden() ? m_newKey->text().section(QLatin1Char('\n'), -1) : QString();
}

} // namespace hearth::ui
