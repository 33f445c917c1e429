#include "ChatFixture.h"

#include "DbPeek.h"

#include <QtTest/QTest>

bool ChatFixture::start()
{
    server.config.providers = {{upstream.baseUrl(), providerKey}};
    if (shortTimeouts) {
        server.config.upstreamFirstByteTimeoutSec = 1;
        server.config.upstreamConnectTimeoutSec = 5;
        server.config.upstreamIdleTimeoutSec = 2;
        server.config.ssePingIntervalSec = 1;
    }
    if (!server.start())
        return false;
    client = std::make_unique<ApiClient>(server.baseUrl());
    client->login(TestServer::adminEmail, TestServer::adminPassword);
    if (client->token.isEmpty())
        return false;
    // The provider's models are fetched from its /models at start.
    return QTest::qWaitFor(
        [this] {
            return client->get(QStringLiteral("/v1/models"))
                       .json()
                       .value(QLatin1String("data"))
                       .toArray()
                       .size() == FakeUpstream::models().size();
        },
        10000);
}

QJsonArray ChatFixture::history(const QString &conversation)
{
    return client->get(ApiClient::messagesPath(conversation)).array();
}

int ChatFixture::ledgerRows(const QString &status)
{
    return dbValue(server.config,
                   QStringLiteral("SELECT COUNT(*) FROM usage_ledger WHERE status = ?"), {status})
        .toInt();
}

QNetworkReply *ChatFixture::startStream(const QString &conversation, const QString &model)
{
    return client->startMessageStream(conversation, QStringLiteral("go"), model);
}
