#include "app/UsagePage.h"

#include "client/ApiConnection.h"

#include <QtCore/QJsonArray>
#include <QtCore/QLocale>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

namespace {
const char *const periods[4] = {"today", "week", "month", "total"};
}

UsagePage::UsagePage(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_records(new QTableWidget(0, 5, this))
    , m_status(new QLabel(this))
{
    const QString titles[4] = {tr("Today"), tr("This week"), tr("This month"), tr("Total")};
    auto *cards = new QGridLayout;
    for (int p = 0; p < 4; ++p) {
        auto *box = new QGroupBox(titles[p], this);
        auto *layout = new QVBoxLayout(box);
        m_cards[p][1] = new QLabel(QStringLiteral("–"), box);
        QFont big = m_cards[p][1]->font();
        big.setPointSizeF(big.pointSizeF() * 1.8);
        big.setBold(true);
        m_cards[p][1]->setFont(big);
        m_cards[p][1]->setAccessibleName(tr("%1: tokens").arg(titles[p]));
        m_cards[p][0] = new QLabel(box);
        m_cards[p][0]->setAccessibleName(tr("%1: messages").arg(titles[p]));
        layout->addWidget(m_cards[p][1]);
        layout->addWidget(m_cards[p][0]);
        cards->addWidget(box, 0, p);
    }
    m_records->setHorizontalHeaderLabels(
        {tr("Time"), tr("Model"), tr("Tokens"), tr("Status"), tr("Via")});
    m_records->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_records->verticalHeader()->setVisible(false);
    m_records->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_records->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_records->setAccessibleName(tr("Recent usage"));
    auto *refresh = new QPushButton(tr("Refresh"), this);
    connect(refresh, &QPushButton::clicked, this, &UsagePage::reload);

    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Your token usage"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    title->setFont(titleFont);
    header->addWidget(title, 1);
    header->addWidget(m_status);
    header->addWidget(refresh);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addLayout(header);
    layout->addLayout(cards);
    layout->addWidget(new QLabel(tr("Recent calls"), this));
    layout->addWidget(m_records, 1);
}

void UsagePage::reload()
{
    m_pending = 2;
    auto finishOne = [this] {
        if (--m_pending == 0)
            emit loaded();
    };
    connect(m_api.get(QStringLiteral("/v1/me/usage")), &client::ApiCall::finished, this,
            [this, finishOne](const client::ApiResult &result) {
                if (result.ok())
                    showUsage(result.json.object());
                else
                    m_status->setText(result.error);
                finishOne();
            });
    connect(m_api.get(QStringLiteral("/v1/me/usage/records?limit=50")), &client::ApiCall::finished,
            this, [this, finishOne](const client::ApiResult &result) {
                if (result.ok())
                    showRecords(result.json.array());
                finishOne();
            });
}

void UsagePage::showUsage(const QJsonObject &usage)
{
    m_usage = usage;
    const QLocale locale;
    for (int p = 0; p < 4; ++p) {
        const QJsonObject period = usage.value(QLatin1String(periods[p])).toObject();
        const qint64 tokens = qint64(period.value(QLatin1String("totalTokens")).toDouble());
        const qint64 requests = qint64(period.value(QLatin1String("requests")).toDouble());
        m_cards[p][1]->setText(tr("%1 tokens").arg(locale.toString(tokens)));
        m_cards[p][0]->setText(tr("%n message(s)", nullptr, int(requests)));
    }
    m_status->setText(tr("Days in %1").arg(usage.value(QLatin1String("timeZone")).toString()));
}

void UsagePage::showRecords(const QJsonArray &records)
{
    m_records->setRowCount(int(records.size()));
    const QLocale locale;
    for (int row = 0; row < records.size(); ++row) {
        const QJsonObject r = records.at(row).toObject();
        const QDateTime time = QDateTime::fromString(r.value(QLatin1String("createdAt")).toString(),
                                                     Qt::ISODateWithMs);
        const QString status = r.value(QLatin1String("status")).toString();
        const QString statusText = status == QLatin1String("ok")          ? tr("Completed")
                                   : status == QLatin1String("cancelled") ? tr("Stopped")
                                                                          : tr("Failed");
        const QStringList cells{
            locale.toString(time.toLocalTime(), QLocale::ShortFormat),
            r.value(QLatin1String("model")).toString(),
            locale.toString(qint64(r.value(QLatin1String("totalTokens")).toDouble())) +
                (r.value(QLatin1String("estimated")).toBool() ? tr(" (estimated)") : QString()),
            statusText, r.value(QLatin1String("apiKeyId")).isNull() ? tr("Chat") : tr("API key")};
        for (int column = 0; column < cells.size(); ++column)
            m_records->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
}

} // namespace hearth::ui
