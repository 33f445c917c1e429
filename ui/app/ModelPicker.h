#pragma once

#include <QtWidgets/QComboBox>

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

// The chat's choice of model, filled from GET /v1/models. A reload keeps
// the model chosen, unless one was asked for with preferOnce().
class ModelPicker final : public QComboBox
{
    Q_OBJECT
public:
    explicit ModelPicker(client::ApiConnection &api, QWidget *parent = nullptr);

    void reload();
    // Chosen when the next list arrives (a provider just connected).
    void preferOnce(const QString &modelId) { m_preferred = modelId; }
    QString currentModelId() const { return currentData().toString(); }
    // Whether the offline demo is all there is to talk to.
    bool isDemoOnly() const { return m_demoOnly; }
    // The model Hearth answers with while no provider is connected.
    static QString demoModelId();

signals:
    void listed();

private:
    client::ApiConnection &m_api;
    QString m_preferred;
    bool m_demoOnly = false;
};

} // namespace hearth::ui
