#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hearth::client {
class ApiConnection;
class FileDownload;
} // namespace hearth::client

namespace hearth::ui {

// Admin: a backup of the live database (made on the server, then saved
// where the admin chooses) and a copy of the whole installation into
// another database, with progress and the per-table counts compared at the
// end (/v1/admin/database/…).
class AdminDatabasePage final : public QWidget
{
    Q_OBJECT
public:
    explicit AdminDatabasePage(client::ApiConnection &api, QWidget *parent = nullptr);

    // Shows the last job's state (and follows it while it runs).
    void reload();
    void startBackup();
    // Asks first: the copy writes into another database.
    void askToCopy();
    void startCopy(const QString &destination);
    void saveBackup(const QString &fileName);

    QLineEdit *destination() const { return m_destination; }
    QTableWidget *counts() const { return m_counts; }
    QString statusText() const;

signals:
    void loaded();
    // "done" or "failed".
    void jobFinished(const QString &state);
    // error is empty when the file was saved.
    void backupSaved(const QString &error);

private:
    void start(const QString &path, const QJsonObject &body);
    void fetchJob(bool reloading);
    void show(const QJsonObject &job);
    void setBusy(bool busy);

    client::ApiConnection &m_api;
    QPushButton *m_backup;
    QPushButton *m_save;
    QLineEdit *m_destination;
    QPushButton *m_copy;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_counts;
    QTimer m_poll;
    QString m_followed; // the state last shown
    QPointer<client::FileDownload> m_download;
};

} // namespace hearth::ui
