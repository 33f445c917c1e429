#include "app/AdminDatabasePage.h"

#include "app/Confirm.h"
#include "app/Tables.h"
#include "client/ApiConnection.h"
#include "client/FileDownload.h"
#include "client/ServerMessages.h"

#include <QtCore/QDate>
#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

namespace {
QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}
} // namespace

AdminDatabasePage::AdminDatabasePage(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_backup(new QPushButton(tr("&Back up now"), this))
    , m_save(new QPushButton(tr("&Save backup…"), this))
    , m_destination(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_counts(makeTable({tr("Table"), tr("Rows"), tr("Copied")}, tr("Rows per table"), this))
{
    m_save->setEnabled(false);
    m_destination->setPlaceholderText(tr("postgres://user:password@host/hearth, "
                                         "mysql://user:password@host/hearth or a file on the "
                                         "server"));
    m_destination->setAccessibleName(tr("Destination database"));
    m_progress->hide();
    m_progress->setAccessibleName(tr("Progress"));
    m_status->setWordWrap(true);
    connect(m_backup, &QPushButton::clicked, this, &AdminDatabasePage::startBackup);
    connect(m_copy, &QPushButton::clicked, this, &AdminDatabasePage::askToCopy);
    connect(m_destination, &QLineEdit::returnPressed, this, &AdminDatabasePage::askToCopy);
    connect(m_save, &QPushButton::clicked, this, [this] {
        auto *dialog =
            new QFileDialog(this, tr("Save backup"), QString(), tr("SQLite databases (*.db)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(QStringLiteral("db"));
        dialog->selectFile(
            QStringLiteral("hearth-backup-%1.db").arg(QDate::currentDate().toString(Qt::ISODate)));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &AdminDatabasePage::saveBackup);
        dialog->open();
    });
    m_poll.setInterval(300);
    connect(&m_poll, &QTimer::timeout, this, [this] { fetchJob(false); });

    auto *backupBox = new QGroupBox(tr("Backup"), this);
    auto *backupRow = new QHBoxLayout;
    backupRow->addWidget(m_backup);
    backupRow->addWidget(m_save);
    backupRow->addStretch(1);
    auto *backupLayout = new QVBoxLayout(backupBox);
    backupLayout->addWidget(
        note(tr("Everything in one SQLite file: accounts, conversations, usage, "
                "providers and settings. The server keeps running meanwhile."),
             backupBox));
    backupLayout->addLayout(backupRow);

    auto *copyBox = new QGroupBox(tr("Move to another database"), this);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_destination, 1);
    copyRow->addWidget(m_copy);
    auto *copyLayout = new QVBoxLayout(copyBox);
    copyLayout->addWidget(
        note(tr("Copies the whole installation into an empty PostgreSQL or MySQL database (or a "
                "new SQLite file). Then start Hearth on it with DB_DRIVER and the DB_ settings, "
                "and this server's secret.key so that provider keys still open."),
             copyBox));
    copyLayout->addLayout(copyRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(backupBox);
    layout->addWidget(copyBox);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_counts, 1);
}

QString AdminDatabasePage::statusText() const
{
    return m_status->text();
}

void AdminDatabasePage::reload()
{
    fetchJob(true);
}

void AdminDatabasePage::startBackup()
{
    start(QStringLiteral("/v1/admin/database/backup"), {});
}

void AdminDatabasePage::askToCopy()
{
    const QString to = m_destination->text().trimmed();
    if (to.isEmpty()) {
        m_status->setText(tr("Type where to copy to first."));
        m_destination->setFocus();
        return;
    }
    confirmDestructive(this, tr("Copy the database"),
                       tr("Copy everything on this server into %1? It must be empty; nothing "
                          "here changes.")
                           .arg(to.section(QLatin1Char('@'), -1)),
                       tr("Copy"), [this, to] { startCopy(to); });
}

void AdminDatabasePage::startCopy(const QString &destination)
{
    start(QStringLiteral("/v1/admin/database/copy"), {{QStringLiteral("to"), destination}});
}

void AdminDatabasePage::start(const QString &path, const QJsonObject &body)
{
    setBusy(true);
    m_status->setText(tr("Starting…"));
    connect(m_api.post(path, body), &client::ApiCall::finished, this,
            [this](const client::ApiResult &result) {
                if (!result.ok()) {
                    setBusy(false);
                    m_status->setText(result.error);
                    return;
                }
                show(result.json.object());
            });
}

// A reload says when it failed and that it is done; a poll while a job
// runs just tries again at the next tick.
void AdminDatabasePage::fetchJob(bool reloading)
{
    connect(m_api.get(QStringLiteral("/v1/admin/database/job")), &client::ApiCall::finished, this,
            [this, reloading](const client::ApiResult &result) {
                if (result.ok())
                    show(result.json.object());
                else if (reloading)
                    m_status->setText(result.error);
                if (reloading)
                    emit loaded();
            });
}

void AdminDatabasePage::show(const QJsonObject &job)
{
    const QString state = job.value(QLatin1String("state")).toString();
    const bool backup = job.value(QLatin1String("kind")).toString() == QLatin1String("backup");
    const qint64 done = job.value(QLatin1String("done")).toInteger();
    const qint64 total = job.value(QLatin1String("total")).toInteger();
    const QString target = job.value(QLatin1String("target")).toString();
    const bool running = state == QLatin1String("running");
    setBusy(running);
    if (running) {
        m_poll.start();
        m_progress->show();
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        m_progress->setValue(total > 0 ? int(1000 * done / total) : 0);
        m_status->setText(backup ? tr("Backing up: %1 of %2 rows…")
                                       .arg(QLocale().toString(done), QLocale().toString(total))
                                 : tr("Copying: %1 of %2 rows…")
                                       .arg(QLocale().toString(done), QLocale().toString(total)));
    } else {
        m_poll.stop();
        m_progress->hide();
        if (state == QLatin1String("done"))
            m_status->setText(
                backup ? tr("Backup %1 made: %n row(s).", nullptr, int(total)).arg(target)
                       : tr("Copied %n row(s) to %1 and checked every table.", nullptr, int(total))
                             .arg(target));
        else if (state == QLatin1String("failed"))
            m_status->setText((backup ? tr("The backup failed: %1") : tr("The copy failed: %1"))
                                  .arg(client::localizedServerMessage(
                                      job.value(QLatin1String("error")).toString())));
        else
            m_status->setText(tr("No backup or copy made since the server started."));
        m_save->setEnabled(backup && state == QLatin1String("done"));
    }
    const QJsonArray tables = job.value(QLatin1String("tables")).toArray();
    m_counts->setRowCount(int(tables.size()));
    for (int row = 0; row < tables.size(); ++row) {
        const QJsonObject t = tables.at(row).toObject();
        setTableRow(m_counts, row,
                    {t.value(QLatin1String("table")).toString(),
                     number(t.value(QLatin1String("source"))),
                     running ? QString() : number(t.value(QLatin1String("destination")))},
                    {}, {1, 2});
    }
    // Report a finish once, when it happens under our eyes.
    if (m_followed == QLatin1String("running") && !running)
        emit jobFinished(state);
    m_followed = state;
}

void AdminDatabasePage::setBusy(bool busy)
{
    m_backup->setEnabled(!busy);
    m_copy->setEnabled(!busy);
    if (busy) {
        m_save->setEnabled(false);
        m_followed = QStringLiteral("running");
    }
}

void AdminDatabasePage::saveBackup(const QString &fileName)
{
    if (m_download)
        return;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_save->setEnabled(false);
    m_download = m_api.download(QStringLiteral("/v1/admin/database/backup"), fileName);
    connect(m_download, &client::FileDownload::bytesReceived, this,
            [this](qint64 bytes, qint64 total) {
                m_progress->setRange(0, total > 0 ? 1000 : 0);
                m_progress->setValue(total > 0 ? int(1000 * bytes / total) : 0);
            });
    connect(
        m_download, &client::FileDownload::finished, this, [this, fileName](const QString &error) {
            m_progress->hide();
            m_save->setEnabled(true);
            m_status->setText(error.isEmpty()
                                  ? tr("Backup saved to %1").arg(QDir::toNativeSeparators(fileName))
                                  : error);
            emit backupSaved(error);
        });
}

} // namespace hearth::ui
