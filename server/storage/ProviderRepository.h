#pragma once

#include "core/Outcome.h"

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QStringList>

namespace hearth {

class Database;

// A provider as stored. The API key is kept only sealed (encrypted with the
// data folder's key file) plus a masked hint for display.
struct ProviderRecord
{
    QString id;
    QString name;
    QString baseUrl;
    QString sealedKey; // empty: no key
    QString keyHint;   // e.g. "sk-…a1b2"
    QStringList models;
    bool modelsManual = false;
    QHash<QString, bool> modelVision; // the admin's word on which models accept pictures
    bool enabled = true;
    int priority = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// modelVision as JSON: {"model-id": true, ...}.
QJsonObject modelVisionJson(const ProviderRecord &provider);

class ProviderRepository
{
public:
    explicit ProviderRepository(Database &db)
        : m_db(db)
    {}

    // By priority (highest first), then creation.
    Outcome<QList<ProviderRecord>> list();
    Outcome<std::optional<ProviderRecord>> find(const QString &id);
    Outcome<Done> insert(const ProviderRecord &provider);
    Outcome<Done> update(const ProviderRecord &provider);
    Outcome<bool> remove(const QString &id);

private:
    Database &m_db;
};

} // namespace hearth
