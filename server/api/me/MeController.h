#pragma once

#include "http/Router.h"

#include <QtCore/QObject>

namespace hearth {

struct ServerContext;
class Authenticator;
struct Caller;

// The signed-in user's own things: GET and PATCH /v1/me, POST
// /v1/me/password, /v1/me/usage[/breakdown|/records] and /v1/me/api-keys.
class MeController final : public QObject
{
    Q_OBJECT
public:
    MeController(ServerContext &context, const Authenticator &auth, QObject *parent = nullptr)
        : QObject(parent)
        , m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void updateProfile(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);
    void changePassword(const HttpRequest &request, const ResponderPtr &responder,
                        const Caller &me);
    void usage(const ResponderPtr &responder, const Caller &me);
    void usageRecords(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);
    void listKeys(const ResponderPtr &responder, const Caller &me);
    void createKey(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);
    void revokeKey(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
