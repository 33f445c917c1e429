#pragma once

#include "http/Router.h"

#include <QtCore/QObject>

namespace hearth {

struct ServerContext;
class Authenticator;
struct Caller;

// POST /v1/chat/completions for any OpenAI SDK on the LAN: stateless (no
// conversation is stored), authenticated by personal key or access token,
// rate-limited, quota-checked and written to the ledger like any chat.
class OpenAiController final : public QObject
{
    Q_OBJECT
public:
    OpenAiController(ServerContext &context, const Authenticator &auth, QObject *parent = nullptr)
        : QObject(parent)
        , m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void complete(const HttpRequest &request, const ResponderPtr &responder, const Caller &caller);

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
