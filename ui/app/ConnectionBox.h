#pragma once

#include <QtWidgets/QGroupBox>

class QLabel;
class QPushButton;

namespace hearth::ui {

// Settings: which Hearth this window talks to — the one inside this app
// ("this computer") or another one on the network — and the way to switch.
class ConnectionBox final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ConnectionBox(QWidget *parent = nullptr);

    void showConnection(bool remote, const QString &serverUrl, const QString &email,
                        const QString &note = {});
    QString shownText() const;
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *localButton() const { return m_local; }

signals:
    void connectRequested();
    // Sign out of the remote server and use this computer's own again.
    void localRequested();

private:
    QLabel *m_where;
    QLabel *m_note;
    QPushButton *m_connect;
    QPushButton *m_local;
};

} // namespace hearth::ui
