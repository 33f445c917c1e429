#include "app/AdminSettingsPage.h"

#include "client/ApiConnection.h"

#include <QtCore/QJsonArray>
#include <QtCore/QTimeZone>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

namespace {
// 0 shows as "none" and travels as null: no limit, no quota.
QSpinBox *optionalCount(const QString &none, int maximum, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, maximum);
    box->setSpecialValueText(none);
    box->setGroupSeparatorShown(true);
    return box;
}
QJsonValue countJson(const QSpinBox *box)
{
    return box->value() == 0 ? QJsonValue() : QJsonValue(box->value());
}
void setCount(QSpinBox *box, const QJsonValue &value)
{
    box->setValue(value.isNull() ? 0 : int(qMin(value.toDouble(), double(box->maximum()))));
}
constexpr qint64 megabyte = 1024 * 1024;
} // namespace

AdminSettingsPage::AdminSettingsPage(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_perMinute(optionalCount(tr("No limit"), 1000000, this))
    , m_perDay(optionalCount(tr("No limit"), 1000000, this))
    , m_perWeek(optionalCount(tr("No limit"), 1000000, this))
    , m_dailyTokens(optionalCount(tr("No quota"), 2000000000, this))
    , m_monthlyTokens(optionalCount(tr("No quota"), 2000000000, this))
    , m_storageMb(optionalCount(tr("No limit"), 1000000, this))
    , m_defaultModel(new QComboBox(this))
    , m_timeZone(new QComboBox(this))
    , m_retention(new QSpinBox(this))
    , m_save(new QPushButton(tr("Save settings"), this))
    , m_status(new QLabel(this))
{
    m_defaultModel->setEditable(true);
    m_timeZone->setEditable(true);
    for (const QByteArray &zone : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromLatin1(zone));
    m_retention->setRange(1, 3650);
    m_retention->setSuffix(tr(" days"));
    m_status->setWordWrap(true);
    connect(m_save, &QPushButton::clicked, this, &AdminSettingsPage::save);

    auto *limits = new QGroupBox(tr("Chat messages per person"), this);
    auto *limitForm = new QFormLayout(limits);
    limitForm->addRow(tr("Per &minute:"), m_perMinute);
    limitForm->addRow(tr("Per &day:"), m_perDay);
    limitForm->addRow(tr("Per &week:"), m_perWeek);
    auto *quotas = new QGroupBox(tr("Quota per person (unless set for the user)"), this);
    auto *quotaForm = new QFormLayout(quotas);
    quotaForm->addRow(tr("Per d&ay:"), m_dailyTokens);
    quotaForm->addRow(tr("Per m&onth:"), m_monthlyTokens);
    m_storageMb->setSuffix(tr(" MB"));
    quotaForm->addRow(tr("Attachment &storage:"), m_storageMb);
    auto *general = new QGroupBox(tr("General"), this);
    auto *generalForm = new QFormLayout(general);
    generalForm->addRow(tr("Default mode&l:"), m_defaultModel);
    generalForm->addRow(tr("&Time zone for statistics:"), m_timeZone);
    generalForm->addRow(tr("Keep the access &log for:"), m_retention);
    const QList<QPair<QWidget *, QString>> names{{m_perMinute, tr("Messages per minute")},
                                                 {m_perDay, tr("Messages per day")},
                                                 {m_perWeek, tr("Messages per week")},
                                                 {m_dailyTokens, tr("Daily token quota")},
                                                 {m_monthlyTokens, tr("Monthly token quota")},
                                                 {m_storageMb, tr("Attachment storage per person")},
                                                 {m_defaultModel, tr("Default model")},
                                                 {m_timeZone, tr("Time zone")},
                                                 {m_retention, tr("Access log kept for")}};
    for (const auto &[widget, name] : names)
        widget->setAccessibleName(name);

    auto *columns = new QHBoxLayout;
    columns->addWidget(limits);
    columns->addWidget(quotas);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_status, 1);
    footer->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(general);
    layout->addStretch(1);
    layout->addLayout(footer);
}

void AdminSettingsPage::reload()
{
    connect(m_api.get(QStringLiteral("/v1/models")), &client::ApiCall::finished, this,
            [this](const client::ApiResult &result) {
                const QString current = m_defaultModel->currentText();
                m_defaultModel->clear();
                m_defaultModel->addItem(QString());
                for (const QJsonValue &model :
                     result.json.object().value(QLatin1String("data")).toArray())
                    m_defaultModel->addItem(model.toObject().value(QLatin1String("id")).toString());
                m_defaultModel->setCurrentText(current);
            });
    connect(m_api.get(QStringLiteral("/v1/admin/settings")), &client::ApiCall::finished, this,
            [this](const client::ApiResult &result) {
                if (result.ok())
                    show(result.json.object());
                else
                    m_status->setText(result.error);
                emit loaded();
            });
}

QString AdminSettingsPage::statusText() const
{
    return m_status->text();
}

void AdminSettingsPage::show(const QJsonObject &settings)
{
    m_settings = settings;
    const QJsonObject rate = settings.value(QLatin1String("chatRateLimit")).toObject();
    const QJsonObject quota = settings.value(QLatin1String("defaultQuota")).toObject();
    setCount(m_perMinute, rate.value(QLatin1String("perMinute")));
    setCount(m_perDay, rate.value(QLatin1String("perDay")));
    setCount(m_perWeek, rate.value(QLatin1String("perWeek")));
    setCount(m_dailyTokens, quota.value(QLatin1String("dailyTokens")));
    setCount(m_monthlyTokens, quota.value(QLatin1String("monthlyTokens")));
    const QJsonValue storage = quota.value(QLatin1String("storageBytes"));
    m_storageMb->setValue(storage.isNull() ? 0
                                           : int(qBound(qint64(1), storage.toInteger() / megabyte,
                                                        qint64(m_storageMb->maximum()))));
    m_defaultModel->setCurrentText(settings.value(QLatin1String("defaultModel")).toString());
    m_defaultModel->lineEdit()->setPlaceholderText(tr("Automatic (the first model available)"));
    m_timeZone->setCurrentText(settings.value(QLatin1String("timeZone")).toString());
    m_retention->setValue(settings.value(QLatin1String("logRetentionDays")).toInt());

    const QJsonArray locked = settings.value(QLatin1String("locked")).toArray();
    const QString why = tr("Set by the server's environment; change it there.");
    const QList<QPair<QString, QList<QWidget *>>> fields{
        {QStringLiteral("chatRateLimit"), {m_perMinute, m_perDay, m_perWeek}},
        {QStringLiteral("defaultModel"), {m_defaultModel}},
        {QStringLiteral("timeZone"), {m_timeZone}}};
    for (const auto &[name, widgets] : fields) {
        for (QWidget *widget : widgets) {
            widget->setEnabled(!locked.contains(name));
            widget->setToolTip(locked.contains(name) ? why : QString());
        }
    }
    m_status->setText(locked.isEmpty()
                          ? QString()
                          : tr("Greyed-out settings are set by the server's environment."));
}

QJsonObject AdminSettingsPage::changes() const
{
    // Only what is editable: a locked field in the request would be refused.
    const QJsonArray locked = m_settings.value(QLatin1String("locked")).toArray();
    QJsonObject body{
        {QStringLiteral("defaultQuota"),
         QJsonObject{{QStringLiteral("dailyTokens"), countJson(m_dailyTokens)},
                     {QStringLiteral("monthlyTokens"), countJson(m_monthlyTokens)},
                     {QStringLiteral("storageBytes"),
                      m_storageMb->value() == 0 ? QJsonValue()
                                                : QJsonValue(m_storageMb->value() * megabyte)}}},
        {QStringLiteral("logRetentionDays"), m_retention->value()}};
    if (!locked.contains(QStringLiteral("chatRateLimit")))
        body.insert(QStringLiteral("chatRateLimit"),
                    QJsonObject{{QStringLiteral("perMinute"), countJson(m_perMinute)},
                                {QStringLiteral("perDay"), countJson(m_perDay)},
                                {QStringLiteral("perWeek"), countJson(m_perWeek)}});
    if (!locked.contains(QStringLiteral("defaultModel")))
        body.insert(QStringLiteral("defaultModel"), m_defaultModel->currentText().trimmed());
    if (!locked.contains(QStringLiteral("timeZone")))
        body.insert(QStringLiteral("timeZone"), m_timeZone->currentText().trimmed());
    return body;
}

void AdminSettingsPage::save()
{
    m_save->setEnabled(false);
    connect(m_api.patch(QStringLiteral("/v1/admin/settings"), changes()),
            &client::ApiCall::finished, this, [this](const client::ApiResult &result) {
                m_save->setEnabled(true);
                if (result.ok())
                    show(result.json.object());
                m_status->setText(result.ok() ? tr("Saved.") : result.error);
                emit saved(result.ok());
            });
}

} // namespace hearth::ui
