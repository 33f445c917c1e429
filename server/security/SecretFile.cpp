#include "security/SecretFile.h"

#include "security/Crypto.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

namespace hearth {

QByteArray loadOrCreateSecret(const QString &path, int generatedBytes, QString *error)
{
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, existing.errorString());
            return {};
        }
        const QByteArray secret = existing.readAll().trimmed();
        if (!secret.isEmpty())
            return secret;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QByteArray secret = crypto::randomToken(generatedBytes);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(secret) != secret.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    return secret;
}

} // namespace hearth
