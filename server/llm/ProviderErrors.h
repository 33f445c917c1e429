#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace hearth {

// What an OpenAI-compatible error body says, in its own words: the
// `error.message`, `error` or `message` member, else the start of the body.
QString providerErrorDetail(const QByteArray &body);

// A provider's refusal of a connection test, in plain words a person setting
// a provider up can act on ("did not accept the API key", "no API at this
// address"), with the provider's own detail after it.
QString describeProviderRefusal(int status, const QString &detail);

} // namespace hearth
