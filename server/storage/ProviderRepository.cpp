#include "storage/ProviderRepository.h"

#include "storage/SqlRun.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace hearth {

namespace {
const QString selectProvider = QStringLiteral(
    "SELECT id, name, base_url, api_key_sealed, api_key_hint, models, models_manual, enabled,"
    " priority, created_at, updated_at, model_vision FROM providers");

ProviderRecord readProvider(const SqlRun &row)
{
    ProviderRecord p;
    p.id = row.value(0).toString();
    p.name = row.value(1).toString();
    p.baseUrl = row.value(2).toString();
    p.sealedKey = row.value(3).toString();
    p.keyHint = row.value(4).toString();
    for (const QJsonValue &model :
         QJsonDocument::fromJson(row.value(5).toString().toUtf8()).array())
        p.models << model.toString();
    p.modelsManual = row.value(6).toInt() != 0;
    p.enabled = row.value(7).toInt() != 0;
    p.priority = row.value(8).toInt();
    p.createdAt = row.value(9).toLongLong();
    p.updatedAt = row.value(10).toLongLong();
    const QJsonObject vision = QJsonDocument::fromJson(row.value(11).toString().toUtf8()).object();
    for (auto it = vision.begin(); it != vision.end(); ++it)
        p.modelVision.insert(it.key(), it.value().toBool());
    return p;
}

QString modelsText(const ProviderRecord &p)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(p.models)).toJson(QJsonDocument::Compact));
}
QString visionText(const ProviderRecord &p)
{
    return QString::fromUtf8(QJsonDocument(modelVisionJson(p)).toJson(QJsonDocument::Compact));
}
} // namespace

QJsonObject modelVisionJson(const ProviderRecord &provider)
{
    QJsonObject vision;
    for (auto it = provider.modelVision.cbegin(); it != provider.modelVision.cend(); ++it)
        vision.insert(it.key(), it.value());
    return vision;
}

Outcome<QList<ProviderRecord>> ProviderRepository::list()
{
    SqlRun q(m_db, selectProvider + QStringLiteral(" ORDER BY priority DESC, created_at, id"));
    if (!q.exec())
        return q.error();
    QList<ProviderRecord> rows;
    while (q.next())
        rows << readProvider(q);
    return rows;
}

Outcome<std::optional<ProviderRecord>> ProviderRepository::find(const QString &id)
{
    SqlRun q(m_db, selectProvider + QStringLiteral(" WHERE id = ?"));
    q.bind(id);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<ProviderRecord>();
    return std::optional<ProviderRecord>(readProvider(q));
}

Outcome<Done> ProviderRepository::insert(const ProviderRecord &p)
{
    SqlRun q(m_db, QStringLiteral("INSERT INTO providers (id, name, base_url, api_key_sealed,"
                                  " api_key_hint, models, models_manual, enabled, priority,"
                                  " created_at, updated_at, model_vision)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(p.id).bind(p.name).bind(p.baseUrl).bind(p.sealedKey).bind(p.keyHint).bind(modelsText(p));
    q.bind(p.modelsManual ? 1 : 0).bind(p.enabled ? 1 : 0).bind(p.priority).bind(p.createdAt);
    q.bind(p.updatedAt).bind(visionText(p));
    if (!q.exec())
        return q.error();
    return Done{};
}

Outcome<Done> ProviderRepository::update(const ProviderRecord &p)
{
    SqlRun q(m_db, QStringLiteral("UPDATE providers SET name = ?, base_url = ?, api_key_sealed = ?,"
                                  " api_key_hint = ?, models = ?, models_manual = ?, enabled = ?,"
                                  " priority = ?, updated_at = ?, model_vision = ? WHERE id = ?"));
    q.bind(p.name).bind(p.baseUrl).bind(p.sealedKey).bind(p.keyHint).bind(modelsText(p));
    q.bind(p.modelsManual ? 1 : 0).bind(p.enabled ? 1 : 0).bind(p.priority).bind(p.updatedAt);
    q.bind(visionText(p)).bind(p.id);
    if (!q.exec())
        return q.error();
    if (q.rowsAffected() == 0)
        return ApiError::notFound(QStringLiteral("Provider"));
    return Done{};
}

Outcome<bool> ProviderRepository::remove(const QString &id)
{
    SqlRun q(m_db, QStringLiteral("DELETE FROM providers WHERE id = ?"));
    q.bind(id);
    if (!q.exec())
        return q.error();
    return q.rowsAffected() > 0;
}

} // namespace hearth
