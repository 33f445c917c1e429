#include "app/AdminUsersPage.h"

#include "app/Confirm.h"
#include "app/FormDialog.h"
#include "app/Tables.h"
#include "client/ApiConnection.h"

#include <QtCore/QJsonObject>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

AdminUsersPage::AdminUsersPage(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_table(makeTable({tr("Email"), tr("Name"), tr("Role"), tr("Status"), tr("Last sign-in"),
                         tr("Daily tokens"), tr("Monthly tokens")},
                        tr("Users"), this))
    , m_status(new QLabel(this))
    , m_role(new QPushButton(this))
    , m_disable(new QPushButton(this))
    , m_password(new QPushButton(tr("Reset password…"), this))
    , m_quota(new QPushButton(tr("Quota…"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
{
    auto *add = new QPushButton(tr("Add user…"), this);
    connect(add, &QPushButton::clicked, this, &AdminUsersPage::openAddUser);
    connect(m_role, &QPushButton::clicked, this, [this] {
        const bool admin =
            selectedUser().value(QLatin1String("role")).toString() == QLatin1String("admin");
        changeSelected(
            {{QStringLiteral("role"), admin ? QStringLiteral("user") : QStringLiteral("admin")}},
            admin ? tr("%1 is now a user.") : tr("%1 is now an admin."));
    });
    connect(m_disable, &QPushButton::clicked, this, [this] {
        const bool disabled = selectedUser().value(QLatin1String("disabled")).toBool();
        changeSelected({{QStringLiteral("disabled"), !disabled}},
                       disabled ? tr("%1 can sign in again.")
                                : tr("%1 is disabled and signed out everywhere."));
    });
    connect(m_password, &QPushButton::clicked, this, &AdminUsersPage::resetPassword);
    connect(m_quota, &QPushButton::clicked, this, &AdminUsersPage::openQuota);
    connect(m_delete, &QPushButton::clicked, this, &AdminUsersPage::deleteSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AdminUsersPage::updateButtons);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {add, m_role, m_disable, m_password, m_quota, m_delete})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    updateButtons();
}

void AdminUsersPage::reload()
{
    loadPage(QStringLiteral("/v1/admin/users?limit=200"), {});
}

void AdminUsersPage::loadPage(const QString &path, QJsonArray soFar)
{
    connect(m_api.get(path), &client::ApiCall::finished, this,
            [this, soFar](const client::ApiResult &result) mutable {
                if (!result.ok()) {
                    m_status->setText(result.error);
                    emit loaded();
                    return;
                }
                for (const QJsonValue &user : result.json.array())
                    soFar.append(user);
                if (!result.nextPage.isEmpty()) {
                    loadPage(result.nextPage, soFar);
                    return;
                }
                show(soFar);
                emit loaded();
            });
}

void AdminUsersPage::show(const QJsonArray &users)
{
    const QString selected = selectedId(m_table);
    const auto quotaText = [](const QJsonValue &value) {
        return value.isNull() ? tr("Server default") : number(value);
    };
    m_users = users;
    m_table->setRowCount(int(users.size()));
    for (int row = 0; row < users.size(); ++row) {
        const QJsonObject user = users.at(row).toObject();
        const QJsonObject quota = user.value(QLatin1String("quota")).toObject();
        const bool admin = user.value(QLatin1String("role")).toString() == QLatin1String("admin");
        setTableRow(m_table, row,
                    {user.value(QLatin1String("email")).toString(),
                     user.value(QLatin1String("name")).toString(), admin ? tr("Admin") : tr("User"),
                     user.value(QLatin1String("disabled")).toBool() ? tr("Disabled") : tr("Active"),
                     shortTime(user.value(QLatin1String("lastLoginAt"))),
                     quotaText(quota.value(QLatin1String("dailyTokens"))),
                     quotaText(quota.value(QLatin1String("monthlyTokens")))},
                    user.value(QLatin1String("id")).toString(), {5, 6});
        if (user.value(QLatin1String("id")).toString() == selected)
            m_table->selectRow(row);
    }
    m_status->setText(tr("%n account(s)", nullptr, int(users.size())));
    updateButtons();
}

QJsonObject AdminUsersPage::selectedUser() const
{
    const QString id = selectedId(m_table);
    for (const QJsonValue &user : m_users) {
        if (user.toObject().value(QLatin1String("id")).toString() == id)
            return user.toObject();
    }
    return {};
}

void AdminUsersPage::updateButtons()
{
    const QJsonObject user = selectedUser();
    const bool any = !user.isEmpty();
    const bool admin = user.value(QLatin1String("role")).toString() == QLatin1String("admin");
    const bool disabled = user.value(QLatin1String("disabled")).toBool();
    m_role->setText(admin ? tr("Make user") : tr("Make admin"));
    m_disable->setText(disabled ? tr("Enable") : tr("Disable"));
    for (QPushButton *button : {m_role, m_disable, m_password, m_quota, m_delete})
        button->setEnabled(any);
}

FormDialog *AdminUsersPage::openAddUser()
{
    auto *dialog = new FormDialog(tr("Add user"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *email = new QLineEdit(dialog);
    email->setPlaceholderText(tr("name@example.com"));
    auto *name = new QLineEdit(dialog);
    auto *password = new QLineEdit(dialog);
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(tr("At least 8 characters"));
    auto *role = new QComboBox(dialog);
    role->addItem(tr("User"), QStringLiteral("user"));
    role->addItem(tr("Admin"), QStringLiteral("admin"));
    dialog->addRow(tr("&Email:"), email);
    dialog->addRow(tr("&Name:"), name);
    dialog->addRow(tr("&Password:"), password);
    dialog->addRow(tr("&Role:"), role);
    dialog->setSubmitText(tr("Add user"));
    connect(dialog, &FormDialog::submitted, this, [=, this] {
        QJsonObject body{{QStringLiteral("email"), email->text().trimmed()},
                         {QStringLiteral("password"), password->text()},
                         {QStringLiteral("role"), role->currentData().toString()}};
        if (!name->text().trimmed().isEmpty())
            body.insert(QStringLiteral("name"), name->text().trimmed());
        connect(m_api.post(QStringLiteral("/v1/admin/users"), body), &client::ApiCall::finished,
                dialog, [=, this](const client::ApiResult &result) {
                    if (!result.ok()) {
                        dialog->showError(result.error);
                        return;
                    }
                    m_status->setText(tr("Added %1.").arg(email->text().trimmed()));
                    dialog->accept();
                    reload();
                });
    });
    dialog->open();
    return dialog;
}

void AdminUsersPage::changeSelected(const QJsonObject &change, const QString &done)
{
    const QJsonObject user = selectedUser();
    const QString email = user.value(QLatin1String("email")).toString();
    connect(
        m_api.patch(QStringLiteral("/v1/admin/users/") + user.value(QLatin1String("id")).toString(),
                    change),
        &client::ApiCall::finished, this, [=, this](const client::ApiResult &result) {
            m_status->setText(result.ok() ? done.arg(email) : result.error);
            if (result.ok())
                reload();
        });
}

void AdminUsersPage::resetPassword()
{
    const QJsonObject user = selectedUser();
    auto *dialog = new FormDialog(tr("Reset password"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addNote(tr("%1 will be signed out everywhere and must sign in with the new password.")
                        .arg(user.value(QLatin1String("email")).toString()));
    auto *password = new QLineEdit(dialog);
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(tr("At least 8 characters"));
    dialog->addRow(tr("&New password:"), password);
    dialog->setSubmitText(tr("Set password"));
    connect(dialog, &FormDialog::submitted, this, [=, this] {
        connect(m_api.patch(QStringLiteral("/v1/admin/users/") +
                                user.value(QLatin1String("id")).toString(),
                            {{QStringLiteral("password"), password->text()}}),
                &client::ApiCall::finished, dialog, [=, this](const client::ApiResult &result) {
                    if (!result.ok()) {
                        dialog->showError(result.error);
                        return;
                    }
                    m_status->setText(tr("New password set for %1.")
                                          .arg(user.value(QLatin1String("email")).toString()));
                    dialog->accept();
                });
    });
    dialog->open();
}

FormDialog *AdminUsersPage::openQuota()
{
    const QJsonObject user = selectedUser();
    const QJsonObject quota = user.value(QLatin1String("quota")).toObject();
    auto *dialog = new FormDialog(tr("Quota"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addNote(tr("How many tokens %1 may use. Once a quota is reached, sending is refused "
                       "until the next day or month.")
                        .arg(user.value(QLatin1String("email")).toString()));
    // Quotas go up to 2^50 on the server: more than an int holds. Unset
    // fields start at a typical figure, to be ticked and adjusted.
    const auto quotaField = [dialog](const QString &name, const QJsonValue &value, double typical) {
        auto *field = new QDoubleSpinBox(dialog);
        field->setObjectName(name);
        field->setDecimals(0);
        field->setRange(1, 1e15);
        field->setGroupSeparatorShown(true);
        field->setValue(value.isDouble() ? value.toDouble() : typical);
        return field;
    };
    QDoubleSpinBox *daily =
        quotaField(QStringLiteral("dailyQuota"), quota.value(QLatin1String("dailyTokens")), 100000);
    QDoubleSpinBox *monthly = quotaField(QStringLiteral("monthlyQuota"),
                                         quota.value(QLatin1String("monthlyTokens")), 3000000);
    QCheckBox *ownDaily = dialog->addOptionalRow(
        tr("&Tokens per day:"), daily, quota.value(QLatin1String("dailyTokens")).isDouble(),
        tr("Tokens per day"));
    QCheckBox *ownMonthly = dialog->addOptionalRow(
        tr("Tokens per &month:"), monthly, quota.value(QLatin1String("monthlyTokens")).isDouble(),
        tr("Tokens per month"));
    // Attachments, in MB (the server counts bytes).
    constexpr double megabyte = 1024 * 1024;
    const QJsonValue storedBytes = quota.value(QLatin1String("storageBytes"));
    QDoubleSpinBox *storage =
        quotaField(QStringLiteral("storageQuota"),
                   storedBytes.isDouble() ? QJsonValue(qRound64(storedBytes.toDouble() / megabyte))
                                          : QJsonValue(),
                   500);
    storage->setRange(1, 1e6);
    storage->setSuffix(tr(" MB"));
    QCheckBox *ownStorage = dialog->addOptionalRow(
        tr("Attachment &storage:"), storage, storedBytes.isDouble(), tr("Attachment storage"));
    dialog->addNote(tr("Unticked: the server's default quota (Admin → Settings)."));
    dialog->setSubmitText(tr("Save"));
    connect(dialog, &FormDialog::submitted, this,
            [this, dialog, user, daily, monthly, ownDaily, ownMonthly, storage, ownStorage] {
                const auto chosen = [](QCheckBox *own, QDoubleSpinBox *field) {
                    return own->isChecked() ? QJsonValue(qint64(field->value())) : QJsonValue();
                };
                const QJsonObject quota{
                    {QStringLiteral("dailyTokens"), chosen(ownDaily, daily)},
                    {QStringLiteral("monthlyTokens"), chosen(ownMonthly, monthly)},
                    {QStringLiteral("storageBytes"),
                     ownStorage->isChecked() ? QJsonValue(qint64(storage->value() * megabyte))
                                             : QJsonValue()}};
                const QString email = user.value(QLatin1String("email")).toString();
                connect(m_api.patch(QStringLiteral("/v1/admin/users/") +
                                        user.value(QLatin1String("id")).toString(),
                                    {{QStringLiteral("quota"), quota}}),
                        &client::ApiCall::finished, dialog,
                        [this, dialog, email](const client::ApiResult &result) {
                            if (!result.ok()) {
                                dialog->showError(result.error);
                                return;
                            }
                            m_status->setText(tr("Quota saved for %1.").arg(email));
                            dialog->accept();
                            reload();
                        });
            });
    dialog->open();
    return dialog;
}

void AdminUsersPage::deleteSelected()
{
    const QJsonObject user = selectedUser();
    const QString email = user.value(QLatin1String("email")).toString();
    confirmDestructive(
        this, tr("Delete user"),
        tr("Delete %1 with all their conversations and API keys? Their usage stays in the "
           "statistics. This cannot be undone.")
            .arg(email),
        tr("Delete"), [=, this] {
            connect(m_api.remove(QStringLiteral("/v1/admin/users/") +
                                 user.value(QLatin1String("id")).toString()),
                    &client::ApiCall::finished, this, [=, this](const client::ApiResult &result) {
                        m_status->setText(result.ok() ? tr("Deleted %1.").arg(email)
                                                      : result.error);
                        if (result.ok())
                            reload();
                    });
        });
}

} // namespace hearth::ui
