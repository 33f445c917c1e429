#include "app/ConnectModelCard.h"

#include "app/ProviderPresets.h"
#include "client/ApiConnection.h"
#include "client/ServerMessages.h"

#include <QtCore/QJsonArray>
#include <QtCore/QUrl>
#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

namespace {
constexpr int otherAddress = providerPresetCount;
constexpr int typingPauseMs = 600;

// Models a chat should not start on, when a list gives no preference.
bool isChatModel(const QString &id)
{
    static const char *const notForChat[] = {"embed",  "whisper",    "tts",
                                             "dall-e", "moderation", "rerank"};
    for (const char *word : notForChat)
        if (id.contains(QLatin1String(word), Qt::CaseInsensitive))
            return false;
    return true;
}
} // namespace

ConnectModelCard::ConnectModelCard(client::ApiConnection &api, QWidget *parent)
    : QFrame(parent)
    , m_api(api)
    , m_choices(new QButtonGroup(this))
    , m_hint(new QLabel(this))
    , m_address(new QLineEdit(this))
    , m_keyLabel(new QLabel(tr("API &key:"), this))
    , m_key(new QLineEdit(this))
    , m_connect(new QPushButton(tr("Connect"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("connectCard"));
    setMaximumWidth(600);
    auto *title = new QLabel(tr("Connect a model"), this);
    title->setObjectName(QStringLiteral("connectTitle"));
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(intro);
    if (!m_api.isAdmin()) {
        intro->setText(tr("This server has no model connected yet, so Hearth's offline demo "
                          "answers. Ask the server's admin to connect one."));
        auto *later = new QPushButton(tr("Try the demo"), this);
        later->setObjectName(QStringLiteral("notNowButton"));
        connect(later, &QPushButton::clicked, this, &ConnectModelCard::dismissed);
        layout->addWidget(later, 0, Qt::AlignLeft);
        for (QWidget *unused : std::initializer_list<QWidget *>{m_hint, m_address, m_keyLabel,
                                                                m_key, m_connect, m_status})
            unused->hide();
        return;
    }
    intro->setText(tr("Hearth's offline demo answers for now. Connect a provider to talk to a "
                      "real model: choose one, paste its key, and you are ready."));

    auto *choiceRow = new QHBoxLayout;
    for (int i = 0; i <= otherAddress; ++i) {
        const QString label =
            i == otherAddress ? tr("Another address")
            : !providerPresets[i].needsKey
                ? tr("%1 on this computer").arg(QLatin1String(providerPresets[i].name))
                : QLatin1String(providerPresets[i].name);
        auto *button = new QPushButton(label, this);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("connectChoice"));
        m_choices->addButton(button, i);
        choiceRow->addWidget(button);
    }
    choiceRow->addStretch(1);
    connect(m_choices, &QButtonGroup::idClicked, this, [this] { showChoice(); });

    m_address->setPlaceholderText(QStringLiteral("https://…/v1"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste your key here"));
    m_keyLabel->setBuddy(m_key);
    auto *form = new QFormLayout;
    auto *addressLabel = new QLabel(tr("&Address:"), this);
    addressLabel->setBuddy(m_address);
    form->addRow(addressLabel, m_address);
    form->addRow(m_keyLabel, m_key);

    m_hint->setWordWrap(true);
    m_hint->setOpenExternalLinks(true);
    m_hint->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("connectStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_connect->setDefault(true);
    m_connect->setObjectName(QStringLiteral("primaryButton"));
    auto *later = new QPushButton(tr("Not now"), this);
    later->setObjectName(QStringLiteral("notNowButton"));
    later->setToolTip(tr("Keep chatting with the offline demo"));
    connect(m_connect, &QPushButton::clicked, this, &ConnectModelCard::connectNow);
    connect(later, &QPushButton::clicked, this, &ConnectModelCard::dismissed);
    connect(m_address, &QLineEdit::returnPressed, this, &ConnectModelCard::connectNow);
    connect(m_address, &QLineEdit::editingFinished, this, [this] {
        if (choice() < otherAddress && !providerPresets[choice()].needsKey)
            probeOllama(); // Ollama on another port, or another computer
    });
    connect(m_key, &QLineEdit::returnPressed, this, &ConnectModelCard::connectNow);
    // A pasted key is tried as soon as the typing stops: no button to find.
    m_pasteSettle.setSingleShot(true);
    m_pasteSettle.setInterval(typingPauseMs);
    connect(&m_pasteSettle, &QTimer::timeout, this, &ConnectModelCard::connectNow);
    connect(m_key, &QLineEdit::textEdited, this, [this](const QString &key) {
        if (key.trimmed().isEmpty())
            m_pasteSettle.stop();
        else
            m_pasteSettle.start();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addWidget(later);
    buttons->addStretch(1);

    layout->addLayout(choiceRow);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    choose(0);
}

void ConnectModelCard::choose(int choice)
{
    if (QAbstractButton *button = m_choices->button(choice)) {
        button->setChecked(true);
        showChoice();
    }
}

int ConnectModelCard::choice() const
{
    return m_choices->checkedId();
}

QString ConnectModelCard::status() const
{
    return m_status->text();
}

void ConnectModelCard::showChoice()
{
    ++m_attempt; // what was under way belongs to the last choice
    m_pasteSettle.stop();
    m_connect->setEnabled(true);
    setStatus({}, false);
    const int index = choice();
    const bool preset = index < otherAddress;
    const bool needsKey = !preset || providerPresets[index].needsKey;
    m_address->setText(preset ? QLatin1String(providerPresets[index].baseUrl) : QString());
    m_key->clear();
    m_key->setVisible(needsKey);
    m_keyLabel->setVisible(needsKey);
    if (!preset) {
        m_key->setPlaceholderText(tr("Its API key, if it needs one"));
        m_hint->setText(tr("Any server that speaks OpenAI's API: LM Studio, vLLM, OpenRouter, a "
                           "company gateway… Its address usually ends in /v1."));
        m_address->setFocus();
    } else if (needsKey) {
        const QUrl page(QLatin1String(providerPresets[index].keyPage));
        m_key->setPlaceholderText(tr("Paste your key here"));
        m_hint->setText(tr("Make a key at <a href=\"%1\">%2</a>, copy it, and paste it above.")
                            .arg(page.toString(), page.host()));
        m_key->setFocus();
    } else {
        m_hint->setText(tr("Ollama runs models on this computer, free and offline."));
        probeOllama();
    }
}

void ConnectModelCard::probeOllama()
{
    const int attempt = ++m_attempt;
    setStatus(tr("Looking for Ollama on this computer…"), false);
    connect(m_api.post(QStringLiteral("/v1/admin/providers/test"),
                       {{QStringLiteral("baseUrl"), m_address->text().trimmed()}}),
            &client::ApiCall::finished, this, [this, attempt](const client::ApiResult &result) {
                if (attempt != m_attempt)
                    return;
                const QJsonObject answer = result.json.object();
                const int models = int(answer.value(QLatin1String("models")).toArray().size());
                if (answer.value(QLatin1String("ok")).toBool() && models > 0)
                    setStatus(tr("Ollama is running here with %n model(s). Press Connect to use "
                                 "it.",
                                 nullptr, models),
                              false);
                else if (answer.value(QLatin1String("ok")).toBool())
                    setStatus(tr("Ollama is running but has no models yet. Run “ollama pull "
                                 "qwen2.5” in a terminal, then press Connect."),
                              false);
                else
                    setStatus(tr("Ollama is not running on this computer. Install it from "
                                 "ollama.com, run “ollama pull qwen2.5” in a terminal, then "
                                 "press Connect."),
                              false);
            });
}

void ConnectModelCard::connectNow()
{
    m_pasteSettle.stop();
    const int index = choice();
    const QString key = m_key->text().trimmed();
    if (m_address->text().trimmed().isEmpty()) {
        setStatus(tr("Enter the provider's address first."), true);
        m_address->setFocus();
        emit failed(status());
        return;
    }
    if (index < otherAddress && providerPresets[index].needsKey && key.isEmpty()) {
        setStatus(tr("Paste your API key first."), true);
        m_key->setFocus();
        emit failed(status());
        return;
    }
    const int attempt = ++m_attempt;
    m_connect->setEnabled(false);
    setStatus(tr("Testing the connection…"), false);
    QJsonObject body{{QStringLiteral("baseUrl"), m_address->text().trimmed()}};
    if (!key.isEmpty())
        body.insert(QStringLiteral("apiKey"), key);
    connect(m_api.post(QStringLiteral("/v1/admin/providers/test"), body),
            &client::ApiCall::finished, this,
            [this, attempt](const client::ApiResult &result) { showTested(result, attempt); });
}

void ConnectModelCard::showTested(const client::ApiResult &result, int attempt)
{
    if (attempt != m_attempt)
        return;
    const QJsonObject answer = result.json.object();
    QString problem = result.error;
    QStringList models;
    for (const QJsonValue &model : answer.value(QLatin1String("models")).toArray())
        models << model.toString();
    if (problem.isEmpty() && !answer.value(QLatin1String("ok")).toBool())
        problem = client::localizedServerMessage(answer.value(QLatin1String("error")).toString());
    else if (problem.isEmpty() && models.isEmpty())
        problem = tr("The provider answered but offers no models. For Ollama, run “ollama pull "
                     "qwen2.5” in a terminal first.");
    if (!problem.isEmpty()) {
        m_connect->setEnabled(true);
        setStatus(problem, true);
        emit failed(problem);
        return;
    }
    setStatus(tr("It works: %n model(s). Saving…", nullptr, int(models.size())), false);
    save(models, attempt);
}

void ConnectModelCard::save(const QStringList &models, int attempt)
{
    QJsonObject body{{QStringLiteral("name"), providerName()},
                     {QStringLiteral("baseUrl"), m_address->text().trimmed()}};
    if (!m_key->text().trimmed().isEmpty())
        body.insert(QStringLiteral("apiKey"), m_key->text().trimmed());
    const QString preferred = preferredOf(models);
    connect(m_api.post(QStringLiteral("/v1/admin/providers"), body), &client::ApiCall::finished,
            this, [this, attempt, preferred](const client::ApiResult &result) {
                if (attempt != m_attempt)
                    return;
                m_connect->setEnabled(true);
                if (!result.ok()) {
                    setStatus(result.error, true);
                    emit failed(result.error);
                    return;
                }
                m_key->clear(); // saved on the server; not kept in this window
                setStatus(tr("Connected to %1.").arg(providerName()), false);
                emit connected(providerName(), preferred);
            });
}

void ConnectModelCard::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    m_status->setProperty("problem", problem);
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
}

QString ConnectModelCard::providerName() const
{
    const int index = choice();
    if (index < otherAddress)
        return QLatin1String(providerPresets[index].name);
    const QString host = QUrl(m_address->text().trimmed()).host();
    return host.isEmpty() ? tr("My provider") : host;
}

QString ConnectModelCard::preferredOf(const QStringList &models) const
{
    const int index = choice();
    if (index < otherAddress)
        for (const char *wanted : providerPresets[index].preferredModels)
            if (wanted && models.contains(QLatin1String(wanted)))
                return QLatin1String(wanted);
    for (const QString &model : models)
        if (isChatModel(model))
            return model;
    return models.value(0);
}

} // namespace hearth::ui
