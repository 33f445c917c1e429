#pragma once

#include "core/Domain.h"
#include "http/Router.h"

#include <QtCore/QObject>

#include <optional>

namespace hearth {

struct ServerContext;
class Authenticator;
struct Caller;
struct ModelInfo;

// /v1/conversations/:id/messages and …/rewind. GET pages through the
// messages; POST stores the user's message, then relays the reply from the
// provider that serves the model; POST …/rewind takes a conversation back to
// before one of its messages.
class MessageController final : public QObject
{
    Q_OBJECT
public:
    MessageController(ServerContext &context, const Authenticator &auth, QObject *parent = nullptr)
        : QObject(parent)
        , m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void list(const HttpRequest &request, const ResponderPtr &responder, const Caller &user);
    void send(const HttpRequest &request, const ResponderPtr &responder, const Caller &user);
    void rewind(const HttpRequest &request, const ResponderPtr &responder, const Caller &user);
    int contextTokensOf(const QString &model) const;
    // As the provider lists it; the default when unknown.
    static int contextTokensOf(const std::optional<ModelInfo> &model);
    QString defaultModel() const;

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
