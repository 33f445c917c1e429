#pragma once

#include <QtWidgets/QGroupBox>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

class FormDialog;

// The signed-in user's personal API keys (for OpenAI SDKs and scripts):
// list, create (the key is shown once, with a Copy button), revoke.
class ApiKeysBox final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ApiKeysBox(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    QTableWidget *table() const { return m_table; }
    FormDialog *openCreate();
    // The new key while it is shown (empty otherwise), for tests.
    QString shownKey() const;

signals:
    void loaded();
    void created(const QString &key);

private:
    void showOnce(const QString &key);

    client::ApiConnection &m_api;
    QTableWidget *m_table;
    QPushButton *m_revoke;
    QLabel *m_status;
    QLabel *m_newKey;
};

} // namespace hearth::ui
