#include "app/ErrorBanner.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

namespace hearth::ui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_action(new QPushButton(tr("Open provider settings"), this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setVisible(false);
    connect(m_action, &QPushButton::clicked, this, &ErrorBanner::providerSettingsRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    setVisible(false);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        if (--m_waitSeconds <= 0)
            dismiss();
        else
            showWait();
    });
}

QString ErrorBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void ErrorBanner::showWait()
{
    m_text->setText(tr("Too many messages for now. You can send again in %n second(s).", nullptr,
                       m_waitSeconds));
}

void ErrorBanner::showError(const QString &text, const QString &code, int retryAfterSeconds,
                            bool isAdmin)
{
    m_countdown.stop();
    m_action->setVisible(false);
    if (code == QLatin1String("RATE_LIMITED") && retryAfterSeconds > 0) {
        m_waitSeconds = retryAfterSeconds;
        showWait();
        m_countdown.start();
    } else if (code == QLatin1String("NO_PROVIDER")) {
        m_text->setText(isAdmin ? tr("No model provider serves this model yet. Add one (DeepSeek, "
                                     "OpenAI, or Ollama on this computer) to start chatting.")
                                : tr("No model provider serves this model yet. Ask your "
                                     "administrator to add one."));
        m_action->setVisible(isAdmin);
    } else {
        m_text->setText(text);
    }
    setVisible(true);
}

void ErrorBanner::dismiss()
{
    m_countdown.stop();
    setVisible(false);
}

} // namespace hearth::ui
