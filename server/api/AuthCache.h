#pragma once

#include "core/Domain.h"
#include "storage/ApiKeyRepository.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QMutex>

#include <optional>

namespace hearth {

class UserRepository;

// The users and API keys that recently signed requests, so a burst of calls
// with one key or token costs one lookup instead of one per call. Any change
// this process makes to users or keys retires every entry at once (the
// repositories count their changes); a change made elsewhere — another
// instance on the same database, `hearth-server user disable` — is seen
// within maxAgeMs.
class AuthCache
{
public:
    static constexpr qint64 maxAgeMs = 1000;

    AuthCache(const UserRepository &users, const ApiKeyRepository &keys);

    // Read before looking something up, and pass to keep*(): a change made
    // meanwhile then retires what was read.
    quint64 generation() const;

    std::optional<ApiKeyRecord> key(const QString &keyHash);
    void keepKey(const ApiKeyRecord &key, quint64 generation);
    // The key was just marked as used at `at`.
    void keyUsed(const QString &keyHash, qint64 at);

    std::optional<User> user(const QString &id);
    void keepUser(const User &user, quint64 generation);

private:
    template<typename T> struct Entry
    {
        T value;
        quint64 generation = 0;
        qint64 keptAtMs = 0;
    };
    template<typename T>
    std::optional<T> fresh(QHash<QString, Entry<T>> &entries, const QString &id);
    template<typename T>
    void keep(QHash<QString, Entry<T>> &entries, const QString &id, const T &value,
              quint64 generation);

    const UserRepository &m_users;
    const ApiKeyRepository &m_keys;
    QElapsedTimer m_clock;
    QMutex m_lock; // guards the two below
    QHash<QString, Entry<ApiKeyRecord>> m_byKeyHash;
    QHash<QString, Entry<User>> m_byUserId;
};

} // namespace hearth
