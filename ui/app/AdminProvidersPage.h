#pragma once

#include <QtCore/QJsonArray>
#include <QtWidgets/QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

class FormDialog;

// Admin: the model providers (OpenAI-compatible endpoints). Add one from a
// preset (DeepSeek, OpenAI, Ollama on this computer) or by hand, edit,
// test the connection, delete. A stored key is never shown, only its mask.
class AdminProvidersPage final : public QWidget
{
    Q_OBJECT
public:
    explicit AdminProvidersPage(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    QTableWidget *table() const { return m_table; }
    QJsonArray providers() const { return m_providers; }
    // The add or edit form ({} adds); returned for tests.
    FormDialog *openEditor(const QJsonObject &provider = {});
    void testSelected();
    QString statusText() const;

signals:
    void loaded();
    void tested(bool ok);

private:
    void show(const QJsonArray &providers);
    QJsonObject selectedProvider() const;
    void deleteSelected();

    client::ApiConnection &m_api;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_edit;
    QPushButton *m_test;
    QPushButton *m_delete;
    QJsonArray m_providers;
};

} // namespace hearth::ui
