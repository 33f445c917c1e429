#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"
#include "storage/ApiKeyRepository.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QMutex>

#include <functional>
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

    template<typename T> using Load = std::function<Outcome<std::optional<T>>()>;

    // The remembered key or user, else what `load` finds (remembered when
    // found, unless users or keys changed while it looked).
    Outcome<std::optional<ApiKeyRecord>> key(const QString &keyHash,
                                             const Load<ApiKeyRecord> &load);
    Outcome<std::optional<User>> user(const QString &id, const Load<User> &load);
    // The key was just marked as used at `at`.
    void keyUsed(const QString &keyHash, qint64 at);

private:
    template<typename T> struct Entry
    {
        T value;
        quint64 generation = 0;
        qint64 keptAtMs = 0;
    };
    quint64 generation() const;
    template<typename T>
    Outcome<std::optional<T>> fetch(QHash<QString, Entry<T>> &entries, const QString &id,
                                    const Load<T> &load);

    const UserRepository &m_users;
    const ApiKeyRepository &m_keys;
    QElapsedTimer m_clock;
    QMutex m_lock; // guards the two below
    QHash<QString, Entry<ApiKeyRecord>> m_byKeyHash;
    QHash<QString, Entry<User>> m_byUserId;
};

} // namespace hearth
