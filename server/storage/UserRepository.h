#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"

#include <atomic>

namespace hearth {

class Database;

class UserRepository
{
public:
    explicit UserRepository(Database &db)
        : m_db(db)
    {}

    // CONFLICT when the email is taken. Emails are stored lower-cased.
    Outcome<User> create(User user);
    Outcome<std::optional<User>> findByEmail(const QString &email);
    Outcome<std::optional<User>> findById(const QString &id);
    Outcome<QList<User>> list();
    // Oldest first, keyset paging on (createdAt, id); up to limit + 1 rows.
    Outcome<QList<User>> page(int limit, qint64 afterCreatedAt, const QString &afterId);
    // Stores name, avatar, role, disabled, quotas and password hash of `user`;
    // with endSessions, also bumps token_version (every access token dies).
    Outcome<Done> update(const User &user, bool endSessions);
    Outcome<bool> remove(const QString &id);
    Outcome<int> countEnabledAdmins();
    Outcome<int> count();
    // Changing the password or disabling bumps token_version: every access
    // token issued before stops working at once.
    Outcome<Done> setPassword(const QString &id, const QByteArray &hash);
    Outcome<Done> setDisabled(const QString &id, bool disabled);
    Outcome<Done> recordLogin(const QString &id, qint64 at);

    // Counts the changes made through this repository that can change who
    // may sign in and as what (an auth cache compares it).
    quint64 changes() const { return m_changes.load(std::memory_order_acquire); }

private:
    void noteChange() { m_changes.fetch_add(1, std::memory_order_acq_rel); }
    Outcome<std::optional<User>> findOne(const QString &column, const QString &value);
    Outcome<Done> updateBumpingVersion(const QString &assignment, const QVariant &value,
                                       const QString &id);
    Database &m_db;
    std::atomic<quint64> m_changes{0};
};

} // namespace hearth
