#include "api/auth/AuthCache.h"

#include "storage/UserRepository.h"

namespace hearth {

namespace {
// Bounds the memory a spray of valid tokens could take; refilled on demand.
constexpr qsizetype maxEntries = 4096;
} // namespace

AuthCache::AuthCache(const UserRepository &users, const ApiKeyRepository &keys)
    : m_users(users)
    , m_keys(keys)
{
    m_clock.start();
}

quint64 AuthCache::generation() const
{
    return m_users.changes() + m_keys.changes();
}

template<typename T>
Outcome<std::optional<T>> AuthCache::fetch(QHash<QString, Entry<T>> &entries, const QString &id,
                                           const Load<T> &load)
{
    {
        QMutexLocker lock(&m_lock);
        const auto found = entries.constFind(id);
        if (found != entries.constEnd()) {
            if (found->generation == generation() &&
                m_clock.elapsed() - found->keptAtMs <= maxAgeMs)
                return std::optional<T>(found->value);
            entries.erase(found);
        }
    }
    // Read before the lookup: a change made while it runs retires its result.
    const quint64 before = generation();
    auto loaded = load();
    if (loaded && loaded.value()) {
        QMutexLocker lock(&m_lock);
        if (entries.size() >= maxEntries)
            entries.clear();
        entries.insert(id, Entry<T>{*loaded.value(), before, m_clock.elapsed()});
    }
    return loaded;
}

Outcome<std::optional<ApiKeyRecord>> AuthCache::key(const QString &keyHash,
                                                    const Load<ApiKeyRecord> &load)
{
    return fetch(m_byKeyHash, keyHash, load);
}

Outcome<std::optional<User>> AuthCache::user(const QString &id, const Load<User> &load)
{
    return fetch(m_byUserId, id, load);
}

void AuthCache::keyUsed(const QString &keyHash, qint64 at)
{
    QMutexLocker lock(&m_lock);
    const auto found = m_byKeyHash.find(keyHash);
    if (found != m_byKeyHash.end())
        found->value.lastUsedAt = at;
}

} // namespace hearth
