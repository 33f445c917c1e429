#pragma once

#include "core/ServerSettings.h"

#include <QtCore/QElapsedTimer>

namespace hearth {

struct ServerContext;

// The settings in force: the database's, overridden by the environment.
// Cached briefly so that hot paths (every chat send) do not query them each
// time; another instance's change is seen within the cache time.
class SettingsService
{
public:
    explicit SettingsService(ServerContext &context);

    Outcome<ServerSettings> current();
    // Applies the known fields of `patch`; VALIDATION_ERROR lists every bad
    // one, CONFLICT names fields locked by the environment.
    Outcome<ServerSettings> update(const QJsonObject &patch);
    // A problem with the environment's settings, for start-up.
    QString environmentError() const;

private:
    Outcome<ServerSettings> load();
    void applyEnvironment(ServerSettings &settings) const;

    ServerContext &m_context;
    std::optional<ServerSettings> m_cache;
    QElapsedTimer m_cacheAge;
};

} // namespace hearth
