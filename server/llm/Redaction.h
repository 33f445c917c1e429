#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace hearth {

// Removes secrets from text that will be shown or logged: the given keys,
// anything that looks like an API key (sk-…, hk-…) and bearer tokens. Keeps
// the first few characters so a person can still tell which key it was.
QString redactSecrets(QString text, const QStringList &knownSecrets = {});

// "sk-abcdef…a1b2" style, for showing a stored key.
QString maskSecret(const QString &secret);

} // namespace hearth
