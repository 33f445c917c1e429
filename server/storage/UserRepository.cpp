#include "storage/UserRepository.h"

#include "core/Clock.h"
#include "storage/SqlRun.h"

namespace hearth {

namespace {
const QString selectUser = QStringLiteral(
    "SELECT id, email, name, avatar, password_hash, role, disabled, token_version, created_at,"
    " last_login_at, quota_daily_tokens, quota_monthly_tokens, quota_storage_bytes FROM users");

std::optional<qint64> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QVariant fromOptional(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

User readUser(const SqlRun &row)
{
    User u;
    u.id = row.value(0).toString();
    u.email = row.value(1).toString();
    u.name = row.value(2).toString();
    u.avatar = row.value(3).toString();
    u.passwordHash = row.value(4).toString();
    u.role = roleFromName(row.value(5).toString());
    u.disabled = row.value(6).toInt() != 0;
    u.tokenVersion = row.value(7).toInt();
    u.createdAt = row.value(8).toLongLong();
    u.lastLoginAt = row.value(9).toLongLong();
    u.dailyTokenQuota = optionalInt(row.value(10));
    u.monthlyTokenQuota = optionalInt(row.value(11));
    u.storageQuotaBytes = optionalInt(row.value(12));
    return u;
}
} // namespace

Outcome<User> UserRepository::create(User user)
{
    user.email = user.email.trimmed().toLower();
    SqlRun q(m_db, QStringLiteral("INSERT INTO users (id, email, name, avatar, password_hash, role,"
                                  " disabled, token_version, created_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"));
    q.bind(user.id).bind(user.email).bind(user.name).bind(user.avatar).bind(user.passwordHash);
    q.bind(roleName(user.role))
        .bind(user.disabled ? 1 : 0)
        .bind(user.createdAt)
        .bind(user.createdAt);
    if (!q.exec()) {
        if (q.isUniqueViolation())
            return ApiError::conflict(QStringLiteral("An account with this email already exists"));
        return q.error();
    }
    return user;
}

Outcome<std::optional<User>> UserRepository::findOne(const QString &column, const QString &value)
{
    SqlRun q(m_db, selectUser + QStringLiteral(" WHERE ") + column + QStringLiteral(" = ?"));
    q.bind(value);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<User>();
    return std::optional<User>(readUser(q));
}

Outcome<std::optional<User>> UserRepository::findByEmail(const QString &email)
{
    return findOne(QStringLiteral("email"), email.trimmed().toLower());
}

Outcome<std::optional<User>> UserRepository::findById(const QString &id)
{
    return findOne(QStringLiteral("id"), id);
}

Outcome<QList<User>> UserRepository::list()
{
    SqlRun q(m_db, selectUser + QStringLiteral(" ORDER BY created_at, id"));
    if (!q.exec())
        return q.error();
    QList<User> users;
    while (q.next())
        users << readUser(q);
    return users;
}

Outcome<QList<User>> UserRepository::page(int limit, qint64 afterCreatedAt, const QString &afterId)
{
    QString sql = selectUser;
    if (!afterId.isEmpty())
        sql += QStringLiteral(" WHERE created_at > ? OR (created_at = ? AND id > ?)");
    sql += QStringLiteral(" ORDER BY created_at, id LIMIT ?");
    SqlRun q(m_db, sql);
    if (!afterId.isEmpty())
        q.bind(afterCreatedAt).bind(afterCreatedAt).bind(afterId);
    q.bind(limit + 1);
    if (!q.exec())
        return q.error();
    QList<User> users;
    while (q.next())
        users << readUser(q);
    return users;
}

Outcome<Done> UserRepository::update(const User &user, bool endSessions)
{
    noteChange();
    SqlRun q(m_db, QStringLiteral("UPDATE users SET name = ?, avatar = ?, role = ?, disabled = ?,"
                                  " quota_daily_tokens = ?, quota_monthly_tokens = ?,"
                                  " quota_storage_bytes = ?,"
                                  " password_hash = ?, updated_at = ?,"
                                  " token_version = token_version + ? WHERE id = ?"));
    q.bind(user.name).bind(user.avatar).bind(roleName(user.role)).bind(user.disabled ? 1 : 0);
    q.bind(fromOptional(user.dailyTokenQuota)).bind(fromOptional(user.monthlyTokenQuota));
    q.bind(fromOptional(user.storageQuotaBytes));
    q.bind(user.passwordHash).bind(Clock::system().nowMs()).bind(endSessions ? 1 : 0).bind(user.id);
    if (!q.exec())
        return q.error();
    if (q.rowsAffected() == 0)
        return ApiError::notFound(QStringLiteral("User"));
    return Done{};
}

Outcome<bool> UserRepository::remove(const QString &id)
{
    noteChange();
    SqlRun q(m_db, QStringLiteral("DELETE FROM users WHERE id = ?"));
    q.bind(id);
    if (!q.exec())
        return q.error();
    return q.rowsAffected() > 0;
}

Outcome<int> UserRepository::countEnabledAdmins()
{
    SqlRun q(m_db,
             QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0"));
    if (!q.exec() || !q.next())
        return q.error();
    return q.value(0).toInt();
}

Outcome<int> UserRepository::count()
{
    SqlRun q(m_db, QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!q.exec() || !q.next())
        return q.error();
    return q.value(0).toInt();
}

Outcome<Done> UserRepository::updateBumpingVersion(const QString &assignment, const QVariant &value,
                                                   const QString &id)
{
    noteChange();
    SqlRun q(m_db, QStringLiteral("UPDATE users SET ") + assignment +
                       QStringLiteral(", token_version = token_version + 1, updated_at = ?"
                                      " WHERE id = ?"));
    q.bind(value).bind(Clock::system().nowMs()).bind(id);
    if (!q.exec())
        return q.error();
    if (q.rowsAffected() == 0)
        return ApiError::notFound(QStringLiteral("User"));
    return Done{};
}

Outcome<Done> UserRepository::setPassword(const QString &id, const QByteArray &hash)
{
    return updateBumpingVersion(QStringLiteral("password_hash = ?"), QString::fromLatin1(hash), id);
}

Outcome<Done> UserRepository::setDisabled(const QString &id, bool disabled)
{
    return updateBumpingVersion(QStringLiteral("disabled = ?"), disabled ? 1 : 0, id);
}

Outcome<Done> UserRepository::recordLogin(const QString &id, qint64 at)
{
    SqlRun q(m_db, QStringLiteral("UPDATE users SET last_login_at = ? WHERE id = ?"));
    q.bind(at).bind(id);
    if (!q.exec())
        return q.error();
    return Done{};
}

} // namespace hearth
