#include "app/UsagePage.h"

#include "app/Tables.h"
#include "app/UsageChart.h"
#include "client/ApiConnection.h"

#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QLocale>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QGroupBox>
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
    , m_chart(new UsageChart(this))
    , m_models(makeTable({tr("Model"), tr("Messages"), tr("Tokens")},
                         tr("Usage by model this month"), this))
    , m_records(makeTable({tr("Time"), tr("Model"), tr("Tokens"), tr("Status"), tr("Via")},
                          tr("Recent usage"), this))
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
    stretchFirstColumn(m_models);
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
    auto *breakdown = new QGridLayout;
    breakdown->addWidget(new QLabel(tr("Tokens per day, last 30 days"), this), 0, 0);
    breakdown->addWidget(new QLabel(tr("This month by model"), this), 0, 1);
    breakdown->addWidget(m_chart, 1, 0);
    breakdown->addWidget(m_models, 1, 1);
    breakdown->setColumnStretch(0, 3);
    breakdown->setColumnStretch(1, 2);
    layout->addLayout(breakdown, 1);
    layout->addWidget(new QLabel(tr("Recent calls"), this));
    layout->addWidget(m_records, 1);
}

void UsagePage::reload()
{
    m_pending = 4;
    fetch(QStringLiteral("/v1/me/usage"), [this](const client::ApiResult &result) {
        if (result.ok())
            showUsage(result.json.object());
        else
            m_status->setText(result.error);
    });
    // Whole days on this computer's calendar; the server buckets them in its
    // own time zone, which is the same one for the desktop's embedded server.
    const QString since =
        QDateTime(QDate::currentDate().addDays(-29), QTime(0, 0)).toUTC().toString(Qt::ISODate);
    fetch(QStringLiteral("/v1/me/usage/breakdown?groupBy=day&from=") + since,
          [this](const client::ApiResult &result) {
              if (result.ok())
                  m_chart->setDays(result.json.object().value(QLatin1String("groups")).toArray());
          });
    fetch(QStringLiteral("/v1/me/usage/breakdown?groupBy=model"),
          [this](const client::ApiResult &result) {
              if (result.ok())
                  showModels(result.json.object());
          });
    fetch(QStringLiteral("/v1/me/usage/records?limit=50"), [this](const client::ApiResult &result) {
        if (result.ok())
            showRecords(result.json.array());
    });
}

void UsagePage::fetch(const QString &path, std::function<void(const client::ApiResult &)> show)
{
    connect(m_api.get(path), &client::ApiCall::finished, this,
            [this, show = std::move(show)](const client::ApiResult &result) {
                show(result);
                if (--m_pending == 0)
                    emit loaded();
            });
}

void UsagePage::showModels(const QJsonObject &report)
{
    const QJsonArray groups = report.value(QLatin1String("groups")).toArray();
    m_models->setRowCount(int(groups.size()));
    for (int row = 0; row < groups.size(); ++row) {
        const QJsonObject group = groups.at(row).toObject();
        setTableRow(m_models, row,
                    {group.value(QLatin1String("label")).toString(),
                     number(group.value(QLatin1String("requests"))),
                     number(group.value(QLatin1String("totalTokens")))},
                    {}, {1, 2});
    }
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
    for (int row = 0; row < records.size(); ++row) {
        const QJsonObject r = records.at(row).toObject();
        const QString status = r.value(QLatin1String("status")).toString();
        const QString statusText = status == QLatin1String("ok")          ? tr("Completed")
                                   : status == QLatin1String("cancelled") ? tr("Stopped")
                                                                          : tr("Failed");
        setTableRow(
            m_records, row,
            {shortTime(r.value(QLatin1String("createdAt"))),
             r.value(QLatin1String("model")).toString(),
             number(r.value(QLatin1String("totalTokens"))) +
                 (r.value(QLatin1String("estimated")).toBool() ? tr(" (estimated)") : QString()),
             statusText, r.value(QLatin1String("apiKeyId")).isNull() ? tr("Chat") : tr("API key")});
    }
}

} // namespace hearth::ui
