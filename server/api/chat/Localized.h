#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace hearth {

// The few sentences the server itself shows people (limits and quotas) in
// the language the client prefers: Chinese for zh*, English otherwise.
enum class Language { English, Chinese };

Language preferredLanguage(const QByteArray &acceptLanguage);

enum class LimitWindow { Minute, Day, Week };

QString rateLimitedMessage(Language language, int limit, LimitWindow window, int retryAfterSeconds);
QString quotaExceededMessage(Language language, qint64 quota, bool monthly, int retryAfterSeconds);

} // namespace hearth
