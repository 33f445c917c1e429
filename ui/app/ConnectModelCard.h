#pragma once

#include <QtCore/QStringList>
#include <QtCore/QTimer>
#include <QtWidgets/QFrame>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hearth::client {
class ApiConnection;
struct ApiResult;
} // namespace hearth::client

namespace hearth::ui {

// The first run's "Connect a model", shown in an empty chat while the
// built-in demo is the only model: DeepSeek, OpenAI, Ollama on this computer
// or another OpenAI-compatible address. A pasted key is tested at once (the
// models, or the provider's refusal in plain words), and what works is saved
// as a provider. People who are not admins are told whom to ask.
class ConnectModelCard final : public QFrame
{
    Q_OBJECT
public:
    ConnectModelCard(client::ApiConnection &api, QWidget *parent = nullptr);

    // 0..providerPresetCount-1 for a preset, providerPresetCount for "another address".
    void choose(int choice);
    int choice() const;
    QLineEdit *addressField() const { return m_address; }
    QLineEdit *keyField() const { return m_key; }
    QPushButton *connectButton() const { return m_connect; }
    QString status() const;

public slots:
    // Tests the address and key, and saves them as a provider when they work.
    void connectNow();

signals:
    // Saved: `preferred` is the model that should answer first.
    void connected(const QString &providerName, const QString &preferred);
    void dismissed();
    // A test or save finished without connecting (tests wait on it).
    void failed(const QString &why);

private:
    void showChoice();
    void probeOllama();
    void showTested(const client::ApiResult &result, int attempt);
    void save(const QStringList &models, int attempt);
    void setStatus(const QString &text, bool problem);
    QString providerName() const;
    QString preferredOf(const QStringList &models) const;

    client::ApiConnection &m_api;
    QButtonGroup *m_choices;
    QLabel *m_hint;
    QLineEdit *m_address;
    QLabel *m_keyLabel;
    QLineEdit *m_key;
    QPushButton *m_connect;
    QLabel *m_status;
    QTimer m_pasteSettle; // tests a typed key once typing pauses
    int m_attempt = 0;    // answers to older attempts are ignored
};

} // namespace hearth::ui
