#pragma once

#include <QtCore/QTimer>
#include <QtWidgets/QFrame>

class QLabel;
class QPushButton;

namespace hearth::ui {

// A chat error in plain words, under the conversation: a rate limit counts
// down to the moment the user may send again; a missing provider offers
// the way to add one (to admins) or says whom to ask.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &text, const QString &code, int retryAfterSeconds, bool isAdmin);
    void dismiss();
    QString text() const;
    QPushButton *actionButton() const { return m_action; }

signals:
    void providerSettingsRequested();

private:
    void showWait();

    QLabel *m_text;
    QPushButton *m_action;
    QTimer m_countdown;
    int m_waitSeconds = 0;
};

} // namespace hearth::ui
