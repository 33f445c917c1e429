#pragma once

#include "core/Domain.h"
#include "core/Outcome.h"
#include "http/Router.h"

#include <QtCore/QObject>

namespace hearth {

struct ServerContext;
class Authenticator;
struct Caller;

// /v1/admin/users: list, create, read, update (role, disabled, password,
// quota), delete. The last enabled admin can be neither disabled, demoted
// nor deleted (409), so the server never locks its owner out.
class AdminUsersController final : public QObject
{
    Q_OBJECT
public:
    AdminUsersController(ServerContext &context, const Authenticator &auth,
                         QObject *parent = nullptr)
        : QObject(parent)
        , m_context(context)
        , m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    void list(const HttpRequest &request, const ResponderPtr &responder);
    void create(const HttpRequest &request, const ResponderPtr &responder);
    void get(const HttpRequest &request, const ResponderPtr &responder);
    void update(const HttpRequest &request, const ResponderPtr &responder);
    void remove(const HttpRequest &request, const ResponderPtr &responder);
    // Stores `changed` (hashing `newPassword` first, off the server thread, if given).
    void store(const ResponderPtr &responder, User changed, bool endSessions,
               const std::optional<QString> &newPassword);
    Outcome<User> findUser(const QString &id);
    bool wouldRemoveLastAdmin(const User &before, const User &after, const ResponderPtr &responder);

    ServerContext &m_context;
    const Authenticator &m_auth;
};

} // namespace hearth
