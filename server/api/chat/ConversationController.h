#pragma once

#include "core/Domain.h"
#include "http/Router.h"

namespace hearth {

struct ServerContext;
class Authenticator;
class Validator;

// /v1/conversations and /v1/conversations/:id (its messages are
// MessageController's). Only the owner sees a conversation: another user's id answers 404, never
// 403, so ids reveal nothing.
class ConversationController
{
public:
    ConversationController(ServerContext &context, const Authenticator &auth)
        : m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void create(const HttpRequest &request, const ResponderPtr &responder, const User &user);
    void list(const HttpRequest &request, const ResponderPtr &responder, const User &user);
    void get(const HttpRequest &request, const ResponderPtr &responder, const User &user);
    void update(const HttpRequest &request, const ResponderPtr &responder, const User &user);
    void remove(const HttpRequest &request, const ResponderPtr &responder, const User &user);

    // Applies the optional fields of a create/update body to `c`.
    static void applyFields(Validator &v, Conversation &c);

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
