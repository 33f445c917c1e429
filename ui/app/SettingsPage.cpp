#include "app/SettingsPage.h"

#include "app/ApiKeysBox.h"
#include "app/ConnectionBox.h"
#include "app/SharingBox.h"
#include "app/Theme.h"

#include <QtCore/QSettings>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

SettingsPage::SettingsPage(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_connection(new ConnectionBox(this))
    , m_sharing(new SharingBox(this))
    , m_keys(new ApiKeysBox(api, this))
{
    // Language names in their own language, so anyone can find theirs.
    m_language->addItem(tr("As the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_theme->addItem(tr("As the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    const QSettings settings;
    m_language->setCurrentIndex(
        qMax(0, m_language->findData(settings.value(QStringLiteral("appearance/language")))));
    m_theme->setCurrentIndex(
        qMax(0, m_theme->findData(
                    settings.value(QStringLiteral("appearance/theme"), QStringLiteral("system")))));
    connect(m_language, &QComboBox::activated, this, [this] {
        const QString language = m_language->currentData().toString();
        QSettings().setValue(QStringLiteral("appearance/language"), language);
        emit languageChosen(language);
    });
    connect(m_theme, &QComboBox::activated, this, [this] {
        const QString theme = m_theme->currentData().toString();
        QSettings().setValue(QStringLiteral("appearance/theme"), theme);
        applyTheme(theme);
    });

    auto *looks = new QGroupBox(tr("Language and looks"), this);
    auto *form = new QFormLayout(looks);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Theme:"), m_theme);
    m_language->setAccessibleName(tr("Language"));
    m_theme->setAccessibleName(tr("Theme"));
    m_sharing->hide(); // until the embedded server says where it listens

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(m_connection);
    layout->addWidget(looks);
    layout->addWidget(m_sharing);
    layout->addWidget(m_keys, 1);
}

void SettingsPage::reload()
{
    m_keys->reload();
}

} // namespace hearth::ui
