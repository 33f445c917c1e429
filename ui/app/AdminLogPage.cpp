#include "app/AdminLogPage.h"

#include "app/Tables.h"
#include "client/ApiConnection.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QUrlQuery>
#include <QtGui/QIntValidator>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

AdminLogPage::AdminLogPage(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_status(new QLineEdit(this))
    , m_path(new QLineEdit(this))
    , m_table(makeTable({tr("Time"), tr("Client address"), tr("User"), tr("Request"), tr("Status"),
                         tr("Time taken"), tr("Provider time")},
                        tr("Access log"), this))
    , m_more(new QPushButton(tr("Load older entries"), this))
    , m_error(new QLabel(this))
{
    m_status->setPlaceholderText(tr("Any status"));
    m_status->setValidator(new QIntValidator(100, 599, m_status));
    m_status->setAccessibleName(tr("Status code"));
    m_status->setMaximumWidth(110);
    m_path->setPlaceholderText(tr("Path starts with, e.g. /v1/conversations"));
    m_path->setAccessibleName(tr("Path"));
    m_path->setClearButtonEnabled(true);
    for (QLineEdit *filter : {m_status, m_path})
        connect(filter, &QLineEdit::returnPressed, this, &AdminLogPage::reload);
    auto *apply = new QPushButton(tr("Filter"), this);
    connect(apply, &QPushButton::clicked, this, &AdminLogPage::reload);
    connect(m_more, &QPushButton::clicked, this, [this] { load(m_next, true); });
    m_more->setEnabled(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addWidget(new QLabel(tr("Path:"), this));
    filters->addWidget(m_path, 1);
    filters->addWidget(apply);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_error, 1);
    footer->addWidget(m_more);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);
}

void AdminLogPage::reload()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    if (!m_status->text().isEmpty())
        query.addQueryItem(QStringLiteral("status"), m_status->text());
    if (!m_path->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("path"), m_path->text().trimmed());
    load(QStringLiteral("/v1/admin/logs?") + query.toString(QUrl::FullyEncoded), false);
}

void AdminLogPage::load(const QString &path, bool append)
{
    connect(
        m_api.get(path), &client::ApiCall::finished, this,
        [this, append](const client::ApiResult &result) {
            m_error->setText(result.error);
            if (result.ok()) {
                const QJsonArray entries = result.json.array();
                int row = append ? m_table->rowCount() : 0;
                m_table->setRowCount(row + int(entries.size()));
                for (const QJsonValue &value : entries) {
                    const QJsonObject e = value.toObject();
                    const QString userId = e.value(QLatin1String("userId")).toString();
                    const QJsonValue upstream = e.value(QLatin1String("upstreamLatencyMs"));
                    setTableRow(
                        m_table, row++,
                        {shortTime(e.value(QLatin1String("time"))),
                         e.value(QLatin1String("clientAddress")).toString(),
                         userId.isEmpty() ? QStringLiteral("–") : m_emails.value(userId, userId),
                         e.value(QLatin1String("method")).toString() + QLatin1Char(' ') +
                             e.value(QLatin1String("path")).toString(),
                         QString::number(e.value(QLatin1String("status")).toInt()),
                         tr("%1 ms").arg(number(e.value(QLatin1String("latencyMs")))),
                         upstream.isNull() ? QStringLiteral("–")
                                           : tr("%1 ms").arg(number(upstream))},
                        e.value(QLatin1String("id")).toString(), {4, 5, 6});
                }
                m_next = result.nextPage;
            }
            m_more->setEnabled(result.ok() && !m_next.isEmpty());
            emit loaded();
        });
}

} // namespace hearth::ui
