#pragma once

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <functional>

class QNetworkAccessManager;

namespace hearth {

struct ModelListResult
{
    bool ok = false;
    QStringList models;
    QHash<QString, bool> vision; // what the list says of the models that it says anything of
    qint64 latencyMs = 0;
    QString error; // safe to show: the key is redacted
};

// Asks an OpenAI-compatible endpoint for GET {baseUrl}/models (no redirects,
// no HTTP/2, a timeout) and calls `done` on `context`'s thread.
void listModels(QNetworkAccessManager *network, const QUrl &baseUrl, const QString &apiKey,
                int timeoutMs, QObject *context, std::function<void(const ModelListResult &)> done);

} // namespace hearth
