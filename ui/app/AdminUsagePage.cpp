#include "app/AdminUsagePage.h"

#include "app/Tables.h"
#include "app/UsageChart.h"
#include "client/ApiConnection.h"
#include "client/FileDownload.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QUrlQuery>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

namespace {
enum Range { ThisMonth, Last30Days, Last365Days };
}

AdminUsagePage::AdminUsagePage(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_range(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_chart(new UsageChart(this))
    , m_users(makeTable({tr("User"), tr("Messages"), tr("Tokens")}, tr("Usage by user"), this))
    , m_models(makeTable({tr("Model"), tr("Messages"), tr("Tokens")}, tr("Usage by model"), this))
    , m_userFilter(new QComboBox(this))
    , m_modelFilter(new QComboBox(this))
    , m_export(new QPushButton(tr("Export records as CSV…"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_exportStatus(new QLabel(this))
{
    m_range->addItem(tr("This month"), ThisMonth);
    m_range->addItem(tr("Last 30 days"), Last30Days);
    m_range->addItem(tr("Last 365 days"), Last365Days);
    m_range->setAccessibleName(tr("Period"));
    connect(m_range, &QComboBox::currentIndexChanged, this, &AdminUsagePage::reload);
    m_userFilter->setAccessibleName(tr("Export the records of"));
    m_modelFilter->setAccessibleName(tr("Export the records for model"));
    stretchFirstColumn(m_users);
    stretchFirstColumn(m_models);
    for (QComboBox *filter : {m_userFilter, m_modelFilter}) {
        filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filter->setMinimumContentsLength(12);
    }
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_download)
            m_download->cancel();
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        auto *dialog =
            new QFileDialog(this, tr("Export usage records"), QString(), tr("CSV files (*.csv)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(QStringLiteral("csv"));
        dialog->selectFile(
            QStringLiteral("hearth-usage-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &AdminUsagePage::exportCsv);
        dialog->open();
    });

    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Period:"), this));
    header->addWidget(m_range);
    header->addWidget(m_summary, 1);
    auto *tables = new QGridLayout;
    tables->addWidget(new QLabel(tr("Tokens per day"), this), 0, 0);
    tables->addWidget(new QLabel(tr("By user"), this), 0, 1);
    tables->addWidget(new QLabel(tr("By model"), this), 0, 2);
    tables->addWidget(m_chart, 1, 0);
    tables->addWidget(m_users, 1, 1);
    tables->addWidget(m_models, 1, 2);
    tables->setColumnStretch(0, 2);
    tables->setColumnStretch(1, 1);
    tables->setColumnStretch(2, 1);
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(new QLabel(tr("Records of"), this));
    exportRow->addWidget(m_userFilter);
    exportRow->addWidget(new QLabel(tr("for"), this));
    exportRow->addWidget(m_modelFilter);
    exportRow->addWidget(m_export);
    exportRow->addWidget(m_progress, 1);
    exportRow->addWidget(m_cancel);
    exportRow->addWidget(m_exportStatus, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(tables, 1);
    layout->addLayout(exportRow);
}

QString AdminUsagePage::rangeQuery() const
{
    const QDate today = QDate::currentDate();
    QDate first = today.addDays(1 - today.day());
    if (m_range->currentData().toInt() == Last30Days)
        first = today.addDays(-29);
    else if (m_range->currentData().toInt() == Last365Days)
        first = today.addDays(-364);
    return QStringLiteral("from=") + QDateTime(first, QTime(0, 0)).toUTC().toString(Qt::ISODate);
}

void AdminUsagePage::reload()
{
    m_pending = 3;
    fetchReport(QStringLiteral("day"), [this](const QJsonObject &report) {
        m_chart->setDays(report.value(QLatin1String("groups")).toArray());
        m_totals = report.value(QLatin1String("totals")).toObject();
        m_summary->setText(tr("%1 messages, %2 tokens (days in %3)")
                               .arg(number(m_totals.value(QLatin1String("requests"))),
                                    number(m_totals.value(QLatin1String("totalTokens"))),
                                    report.value(QLatin1String("timeZone")).toString()));
    });
    fetchReport(QStringLiteral("user"),
                [this](const QJsonObject &report) { showGroups(m_users, m_userFilter, report); });
    fetchReport(QStringLiteral("model"),
                [this](const QJsonObject &report) { showGroups(m_models, m_modelFilter, report); });
}

void AdminUsagePage::fetchReport(const QString &groupBy,
                                 std::function<void(const QJsonObject &)> show)
{
    connect(m_api.get(QStringLiteral("/v1/admin/usage?groupBy=") + groupBy + QLatin1Char('&') +
                      rangeQuery()),
            &client::ApiCall::finished, this,
            [this, show = std::move(show)](const client::ApiResult &result) {
                if (result.ok())
                    show(result.json.object());
                else
                    m_summary->setText(result.error);
                if (--m_pending == 0)
                    emit loaded();
            });
}

void AdminUsagePage::showGroups(QTableWidget *table, QComboBox *filter, const QJsonObject &report)
{
    const QJsonArray groups = report.value(QLatin1String("groups")).toArray();
    const QString chosen = filter->currentData().toString();
    filter->clear();
    filter->addItem(table == m_users ? tr("everyone") : tr("every model"), QString());
    table->setRowCount(int(groups.size()));
    for (int row = 0; row < groups.size(); ++row) {
        const QJsonObject group = groups.at(row).toObject();
        const QString key = group.value(QLatin1String("key")).toString();
        QString label = group.value(QLatin1String("label")).toString();
        if (table == m_users && key.isEmpty())
            label = tr("(deleted user)");
        setTableRow(table, row,
                    {label, number(group.value(QLatin1String("requests"))),
                     number(group.value(QLatin1String("totalTokens")))},
                    key, {1, 2});
        table->item(row, 0)->setData(Qt::UserRole + 1,
                                     group.value(QLatin1String("requests")).toDouble());
        if (!key.isEmpty())
            filter->addItem(label, key);
    }
    filter->setCurrentIndex(qMax(0, filter->findData(chosen)));
}

qint64 AdminUsagePage::expectedRows() const
{
    // The report already counted the rows: the tightest matching group says
    // how many the export will have (exactly, when one filter is set).
    qint64 expected = qint64(m_totals.value(QLatin1String("requests")).toDouble());
    for (const auto &[table, filter] :
         {std::pair{m_users, m_userFilter}, std::pair{m_models, m_modelFilter}}) {
        const QString key = filter->currentData().toString();
        for (int row = 0; !key.isEmpty() && row < table->rowCount(); ++row) {
            if (table->item(row, 0)->data(Qt::UserRole).toString() == key)
                expected =
                    qMin(expected, qint64(table->item(row, 0)->data(Qt::UserRole + 1).toDouble()));
        }
    }
    return expected;
}

void AdminUsagePage::exportCsv(const QString &fileName)
{
    QUrlQuery query(rangeQuery());
    if (const QString user = m_userFilter->currentData().toString(); !user.isEmpty())
        query.addQueryItem(QStringLiteral("userId"), user);
    if (const QString model = m_modelFilter->currentData().toString(); !model.isEmpty())
        query.addQueryItem(QStringLiteral("model"), model);
    const qint64 expected = expectedRows() + 1; // and the header line
    m_progress->setRange(0, int(qMin<qint64>(expected, INT_MAX)));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_export->setEnabled(false);
    m_exportStatus->clear();
    m_download = m_api.download(
        QStringLiteral("/v1/admin/usage/records?") + query.toString(QUrl::FullyEncoded), fileName);
    connect(m_download, &client::FileDownload::progress, this, [this](qint64 lines) {
        m_progress->setValue(int(qMin<qint64>(lines, m_progress->maximum())));
    });
    connect(m_download, &client::FileDownload::finished, this,
            [this, fileName](const QString &error) {
                const qint64 rows = qMax<qint64>(0, m_download->lines() - 1);
                m_download = nullptr;
                m_progress->hide();
                m_cancel->hide();
                m_export->setEnabled(true);
                m_exportStatus->setText(error.isEmpty()
                                            ? tr("Saved %n record(s) to %1", nullptr, int(rows))
                                                  .arg(QDir::toNativeSeparators(fileName))
                                            : error);
                emit exported(error);
            });
}

} // namespace hearth::ui
