#include "llm/Redaction.h"

#include <QtCore/QRegularExpression>

namespace hearth {

QString maskSecret(const QString &secret)
{
    if (secret.size() <= 8)
        return QStringLiteral("…");
    return secret.left(3) + QStringLiteral("…") + secret.right(4);
}

QString redactSecrets(QString text, const QStringList &knownSecrets)
{
    for (const QString &secret : knownSecrets) {
        if (secret.size() >= 4)
            text.replace(secret, maskSecret(secret));
    }
    static const QRegularExpression keyLike(
        QStringLiteral("\\b((?:sk|hk|pk|rk)-[A-Za-z0-9_\\-]{2})[A-Za-z0-9_\\-]{6,}"));
    text.replace(keyLike, QStringLiteral("\\1…"));
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)[^\\s\"',]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    text.replace(bearer, QStringLiteral("\\1…"));
    return text;
}

} // namespace hearth
