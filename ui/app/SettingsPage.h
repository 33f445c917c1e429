#pragma once

#include <QtWidgets/QWidget>

class QComboBox;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

class ApiKeysBox;
class ConnectionBox;
class SharingBox;

// The user's settings: which server, language and looks (kept in QSettings), sharing
// the embedded server on the network (only for "this computer"), and
// personal API keys.
class SettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsPage(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    ConnectionBox *connection() const { return m_connection; }
    SharingBox *sharing() const { return m_sharing; }
    ApiKeysBox *apiKeys() const { return m_keys; }
    QComboBox *language() const { return m_language; }
    QComboBox *theme() const { return m_theme; }

signals:
    // A language was chosen: the window is rebuilt in it.
    void languageChosen(const QString &language);

private:
    QComboBox *m_language;
    QComboBox *m_theme;
    ConnectionBox *m_connection;
    SharingBox *m_sharing;
    ApiKeysBox *m_keys;
};

} // namespace hearth::ui
