#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace hearth {

// Argon2id with OWASP's recommended minimum (19 MiB memory, 2 passes,
// 1 lane). Hashing takes tens of milliseconds by design: callers run it on
// a worker thread, never on the server's event loop.
class PasswordHasher
{
public:
    struct Cost
    {
        quint32 memoryKiB = 19 * 1024;
        quint32 iterations = 2;
        quint32 lanes = 1;
    };

    PasswordHasher() = default;
    explicit PasswordHasher(Cost cost)
        : m_cost(cost)
    {}

    // PHC string: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
    QByteArray hash(const QString &password) const;
    bool verify(const QByteArray &encoded, const QString &password) const;
    // A stored hash made with weaker parameters than today's should be redone at next login.
    bool needsRehash(const QByteArray &encoded) const;
    // Stored for an account that has no password (the desktop's owner, whom
    // the app signs in itself): no password verifies against it.
    static QByteArray lockedHash() { return QByteArrayLiteral("!locked"); }

private:
    Cost m_cost;
};

} // namespace hearth
