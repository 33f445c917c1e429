#pragma once

#include "http/Router.h"

#include <memory>

namespace hearth {

struct ServerContext;
class Authenticator;
class DatabaseJob;

// The admin panel's backup and copy of the live database:
// POST /v1/admin/database/backup, POST /v1/admin/database/copy {to},
// GET /v1/admin/database/job (progress), GET /v1/admin/database/backup
// (the last backup, as a file).
class AdminDatabaseController
{
public:
    AdminDatabaseController(ServerContext &context, const Authenticator &auth);
    ~AdminDatabaseController();
    void registerRoutes(Router &router);

private:
    void backup(const ResponderPtr &responder);
    void copy(const HttpRequest &request, const ResponderPtr &responder);
    void download(const ResponderPtr &responder);

    ServerContext &m_context;
    const Authenticator &m_auth;
    std::unique_ptr<DatabaseJob> m_job;
};

} // namespace hearth
