#include "api/AuthCache.h"

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
std::optional<T> AuthCache::fresh(QHash<QString, Entry<T>> &entries, const QString &id)
{
    QMutexLocker lock(&m_lock);
    const auto found = entries.constFind(id);
    if (found == entries.constEnd())
        return std::nullopt;
    if (found->generation != generation() || m_clock.elapsed() - found->keptAtMs > maxAgeMs) {
        entries.erase(found);
        return std::nullopt;
    }
    return found->value;
}

template<typename T>
void AuthCache::keep(QHash<QString, Entry<T>> &entries, const QString &id, const T &value,
                     quint64 generation)
{
    QMutexLocker lock(&m_lock);
    if (entries.size() >= maxEntries)
        entries.clear();
    entries.insert(id, Entry<T>{value, generation, m_clock.elapsed()});
}

std::optional<ApiKeyRecord> AuthCache::key(const QString &keyHash)
{
    return fresh(m_byKeyHash, keyHash);
}

void AuthCache::keepKey(const ApiKeyRecord &key, quint64 generation)
{
    keep(m_byKeyHash, key.keyHash, key, generation);
}

void AuthCache::keyUsed(const QString &keyHash, qint64 at)
{
    QMutexLocker lock(&m_lock);
    const auto found = m_byKeyHash.find(keyHash);
    if (found != m_byKeyHash.end())
        found->value.lastUsedAt = at;
}

std::optional<User> AuthCache::user(const QString &id)
{
    return fresh(m_byUserId, id);
}

void AuthCache::keepUser(const User &user, quint64 generation)
{
    keep(m_byUserId, user.id, user, generation);
}

} // namespace hearth
