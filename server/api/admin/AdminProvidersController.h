#pragma once

#include "core/Outcome.h"
#include "http/Router.h"
#include "storage/ProviderRepository.h"

#include <QtCore/QObject>

namespace hearth {

struct ServerContext;
class Authenticator;
class ProviderService;
class Validator;
struct ModelListResult;

// /v1/admin/providers: the original's "API key management". Keys are
// write-only: every answer shows them masked.
class AdminProvidersController final : public QObject
{
    Q_OBJECT
public:
    AdminProvidersController(ServerContext &context, const Authenticator &auth,
                             ProviderService &service, QObject *parent = nullptr)
        : QObject(parent)
        , m_context(context)
        , m_auth(auth)
        , m_service(service)
    {}
    void registerRoutes(Router &router);

private:
    void list(const HttpRequest &request, const ResponderPtr &responder);
    void create(const HttpRequest &request, const ResponderPtr &responder);
    void get(const HttpRequest &request, const ResponderPtr &responder);
    void update(const HttpRequest &request, const ResponderPtr &responder);
    void remove(const HttpRequest &request, const ResponderPtr &responder);
    void test(const HttpRequest &request, const ResponderPtr &responder);
    // Tests a base URL and key that are not saved (a first run's "Connect").
    void testUnsaved(const HttpRequest &request, const ResponderPtr &responder);
    static void replyTestResult(const ResponderPtr &responder, const ModelListResult &result);

    enum class Required { NameAndUrl, Url, Nothing };
    // The request's JSON body into `record` and `key`, as readFields; on a
    // bad body, answers 400 (or what readJsonObject answers) and returns false.
    static bool readRequest(const HttpRequest &request, const ResponderPtr &responder,
                            ProviderRecord &record, std::optional<std::optional<QString>> &key,
                            Required required);
    // Reads the fields present in `body` into `p` (the key into `key`).
    static void readFields(const QJsonObject &body, Validator &v, ProviderRecord &p,
                           std::optional<std::optional<QString>> &key, bool creating);
    Outcome<ProviderRecord> find(const QString &id);
    void save(const ResponderPtr &responder, ProviderRecord record, bool creating);

    ServerContext &m_context;
    const Authenticator &m_auth;
    ProviderService &m_service;
};

} // namespace hearth
