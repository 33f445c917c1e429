#include "app/ModelPicker.h"

#include "client/ApiConnection.h"

#include <QtCore/QJsonArray>

#include <utility>

namespace hearth::ui {

ModelPicker::ModelPicker(client::ApiConnection &api, QWidget *parent)
    : QComboBox(parent)
    , m_api(api)
{
    setAccessibleName(tr("Model"));
    setToolTip(tr("The model that answers"));
    setMinimumContentsLength(16);
}

QString ModelPicker::demoModelId()
{
    return QStringLiteral("hearth-demo");
}

void ModelPicker::reload()
{
    connect(m_api.get(QStringLiteral("/v1/models")), &client::ApiCall::finished, this,
            [this](const client::ApiResult &result) {
                if (!result.ok())
                    return;
                const QString wanted = m_preferred.isEmpty()
                                           ? currentModelId()
                                           : std::exchange(m_preferred, QString());
                clear();
                for (const QJsonValue &value :
                     result.json.object().value(QLatin1String("data")).toArray()) {
                    const QJsonObject model = value.toObject();
                    const QString id = model.value(QLatin1String("id")).toString();
                    // The server names its built-in model in English.
                    addItem(id == demoModelId() ? tr("Hearth Demo (offline)")
                                                : model.value(QLatin1String("name")).toString(),
                            id);
                }
                const int index = findData(wanted);
                if (index >= 0)
                    setCurrentIndex(index);
                m_demoOnly = count() == 1 && itemData(0).toString() == demoModelId();
                emit listed();
            });
}

} // namespace hearth::ui
