#pragma once

#include "ApiClient.h"
#include "FakeUpstream.h"
#include "TestServer.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

#include <memory>

class QNetworkReply;

// What the chat API tests start from: a running Hearth in front of a
// FakeUpstream (with short timeouts: the first byte within 1 s, silence
// within 2 s, an SSE ping every second), signed in as the admin, the
// provider's models loaded.
class ChatFixture
{
public:
    // The provider's API key: it must never reach a client.
    static inline const QString providerKey = QStringLiteral("sk-test-abcdef1234567890");

    FakeUpstream upstream;
    TestServer server;
    std::unique_ptr<ApiClient> client;

    // The short timeouts above; off, the server's defaults (for tests that
    // hold a reply open on purpose).
    bool shortTimeouts = true;
    // False when the server did not start, sign in or load the models.
    bool start();

    QString newConversation(const QJsonObject &extra = {})
    {
        return client->createConversation(QStringLiteral("chat"), extra);
    }
    QJsonArray history(const QString &conversation);
    // Usage-ledger rows with this status.
    int ledgerRows(const QString &status);
    // A streamed "go" to `model`, left running.
    QNetworkReply *startStream(const QString &conversation, const QString &model);
};
