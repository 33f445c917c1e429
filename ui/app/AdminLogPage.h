#pragma once

#include <QtCore/QHash>
#include <QtWidgets/QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

// Admin: the access log, newest first (GET /v1/admin/logs), filtered by
// status and path prefix, a page at a time.
class AdminLogPage final : public QWidget
{
    Q_OBJECT
public:
    explicit AdminLogPage(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    void setUserEmails(QHash<QString, QString> emails) { m_emails = std::move(emails); }
    QTableWidget *table() const { return m_table; }
    QLineEdit *pathFilter() const { return m_path; }

signals:
    void loaded();

private:
    void load(const QString &path, bool append);

    client::ApiConnection &m_api;
    QLineEdit *m_status;
    QLineEdit *m_path;
    QTableWidget *m_table;
    QPushButton *m_more;
    QLabel *m_error;
    QString m_next;
    QHash<QString, QString> m_emails;
};

} // namespace hearth::ui
