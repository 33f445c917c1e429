#include "api/admin/AdminProvidersController.h"

#include "api/ApiReply.h"
#include "api/ProviderService.h"
#include "api/ServerContext.h"
#include "api/auth/Authenticator.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "http/Validator.h"
#include "llm/ModelLister.h"

#include <QtCore/QUrl>

namespace hearth {

void AdminProvidersController::registerRoutes(Router &router)
{
    auto bind = [this](void (AdminProvidersController::*method)(const HttpRequest &,
                                                                const ResponderPtr &)) {
        return m_auth.requireAdmin([this, method](const HttpRequest &r, const ResponderPtr &p,
                                                  const Caller &) { (this->*method)(r, p); });
    };
    router.add("GET", QStringLiteral("/v1/admin/providers"), bind(&AdminProvidersController::list));
    router.add("POST", QStringLiteral("/v1/admin/providers"),
               bind(&AdminProvidersController::create));
    // Before the `:id` routes: "test" is never an id.
    router.add("POST", QStringLiteral("/v1/admin/providers/test"),
               bind(&AdminProvidersController::testUnsaved));
    router.add("GET", QStringLiteral("/v1/admin/providers/:id"),
               bind(&AdminProvidersController::get));
    router.add("PATCH", QStringLiteral("/v1/admin/providers/:id"),
               bind(&AdminProvidersController::update));
    router.add("DELETE", QStringLiteral("/v1/admin/providers/:id"),
               bind(&AdminProvidersController::remove));
    router.add("POST", QStringLiteral("/v1/admin/providers/:id/test"),
               bind(&AdminProvidersController::test));
}

Outcome<ProviderRecord> AdminProvidersController::find(const QString &id)
{
    const auto found = m_context.providerRecords.find(id);
    if (!found)
        return found.error();
    if (!found.value())
        return ApiError::notFound(QStringLiteral("Provider"));
    return *found.value();
}

void AdminProvidersController::readFields(const QJsonObject &body, Validator &v, ProviderRecord &p,
                                          std::optional<std::optional<QString>> &key, bool creating)
{
    if (const auto name = v.text(QStringLiteral("name"), creating, 1, 100))
        p.name = name->trimmed();
    if (const auto base = v.text(QStringLiteral("baseUrl"), creating, 1, 2000)) {
        const QUrl url(base->trimmed(), QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
            url.hasFragment())
            v.fail(QStringLiteral(
                "baseUrl must be an http(s) URL such as https://api.deepseek.com/v1, "
                "without user, query or fragment"));
        else
            p.baseUrl = url.toString(QUrl::StripTrailingSlash);
    }
    if (body.contains(QStringLiteral("apiKey"))) {
        const QJsonValue value = body.value(QStringLiteral("apiKey"));
        if (value.isNull())
            key = std::optional<QString>();
        else if (!value.isString() || value.toString().size() > 1000)
            v.fail(QStringLiteral("apiKey must be a string or null"));
        else
            key = std::optional<QString>(value.toString().trimmed());
    }
    if (body.contains(QStringLiteral("models"))) {
        const QJsonValue value = body.value(QStringLiteral("models"));
        if (value.isNull()) {
            p.models.clear();
            p.modelsManual = false; // back to asking the provider
        } else if (!value.isArray() || value.toArray().size() > 1000) {
            v.fail(QStringLiteral("models must be an array of model ids, or null"));
        } else {
            QStringList models;
            for (const QJsonValue &model : value.toArray()) {
                if (!model.isString() || model.toString().trimmed().isEmpty() ||
                    model.toString().size() > 200) {
                    v.fail(QStringLiteral("models must be an array of model ids, or null"));
                    break;
                }
                models << model.toString().trimmed();
            }
            p.models = models;
            p.modelsManual = true;
        }
    }
    if (body.contains(QStringLiteral("modelVision"))) {
        // The whole map each time: {"model": true | false}; null clears it.
        const QJsonValue value = body.value(QStringLiteral("modelVision"));
        p.modelVision.clear();
        const QJsonObject vision = value.toObject();
        bool valid = (value.isNull() || value.isObject()) && vision.size() <= 1000;
        for (auto it = vision.begin(); valid && it != vision.end(); ++it) {
            valid = it.value().isBool() && !it.key().trimmed().isEmpty() && it.key().size() <= 200;
            p.modelVision.insert(it.key().trimmed(), it.value().toBool());
        }
        if (!valid)
            v.fail(QStringLiteral("modelVision must map model ids to true (accepts pictures) or "
                                  "false (text only), or be null"));
    }
    if (const auto enabled = v.boolean(QStringLiteral("enabled")))
        p.enabled = *enabled;
    if (const auto priority = v.integer(QStringLiteral("priority"), -1000, 1000))
        p.priority = *priority;
}

void AdminProvidersController::list(const HttpRequest &, const ResponderPtr &responder)
{
    const auto records = m_context.providerRecords.list();
    if (!records) {
        replyError(responder, records.error());
        return;
    }
    QJsonArray array;
    for (const ProviderRecord &p : records.value())
        array.append(m_service.toJson(p));
    replyJson(responder, 200, array);
}

void AdminProvidersController::get(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto found = find(request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    replyJson(responder, 200, m_service.toJson(found.value()));
}

bool AdminProvidersController::readRequest(const HttpRequest &request,
                                           const ResponderPtr &responder, ProviderRecord &record,
                                           std::optional<std::optional<QString>> &key,
                                           Required required)
{
    const auto body = readJsonObject(request, responder);
    if (!body)
        return false;
    Validator v(*body);
    readFields(*body, v, record, key, required == Required::NameAndUrl);
    if (required == Required::Url && !body->contains(QStringLiteral("baseUrl")))
        v.fail(QStringLiteral("baseUrl is required"));
    if (!v.ok()) {
        replyError(responder, ApiError::validation(v.errors()));
        return false;
    }
    return true;
}

void AdminProvidersController::create(const HttpRequest &request, const ResponderPtr &responder)
{
    ProviderRecord record;
    std::optional<std::optional<QString>> key;
    if (!readRequest(request, responder, record, key, Required::NameAndUrl))
        return;
    record.id = newId();
    record.createdAt = record.updatedAt = Clock::system().nowMs();
    m_service.setKey(record, key && *key ? **key : QString());
    if (record.modelsManual) {
        save(responder, record, true);
        return;
    }
    // Ask the provider for its models before answering, so the admin sees
    // at once whether the URL and key work.
    m_service.fetchModels(record, this,
                          [this, responder, record](const ModelListResult &result) mutable {
                              record.models = result.models;
                              save(responder, record, true);
                          });
}

void AdminProvidersController::update(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto found = find(request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    ProviderRecord record = found.value();
    std::optional<std::optional<QString>> key;
    if (!readRequest(request, responder, record, key, Required::Nothing))
        return;
    if (key)
        m_service.setKey(record, key->value_or(QString()));
    record.updatedAt = Clock::system().nowMs();
    save(responder, record, false);
}

void AdminProvidersController::save(const ResponderPtr &responder, ProviderRecord record,
                                    bool creating)
{
    const auto stored = creating ? m_context.providerRecords.insert(record)
                                 : m_context.providerRecords.update(record);
    if (!stored) {
        replyError(responder, stored.error());
        return;
    }
    m_service.reload();
    replyJson(responder, creating ? 201 : 200, m_service.toJson(record),
              creating ? HeaderList{{"Location", "/v1/admin/providers/" + record.id.toUtf8()}}
                       : HeaderList{});
}

void AdminProvidersController::remove(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto removed = m_context.providerRecords.remove(request.param(QStringLiteral("id")));
    if (!removed) {
        replyError(responder, removed.error());
        return;
    }
    if (!removed.value()) {
        replyError(responder, ApiError::notFound(QStringLiteral("Provider")));
        return;
    }
    m_service.reload();
    responder->sendEmpty(204);
}

void AdminProvidersController::test(const HttpRequest &request, const ResponderPtr &responder)
{
    const auto found = find(request.param(QStringLiteral("id")));
    if (!found) {
        replyError(responder, found.error());
        return;
    }
    m_service.fetchModels(found.value(), this, [responder](const ModelListResult &result) {
        replyTestResult(responder, result);
    });
}

void AdminProvidersController::testUnsaved(const HttpRequest &request,
                                           const ResponderPtr &responder)
{
    ProviderRecord record;
    std::optional<std::optional<QString>> key;
    if (!readRequest(request, responder, record, key, Required::Url))
        return;
    m_service.setKey(record, key && *key ? **key : QString());
    m_service.fetchModels(record, this, [responder](const ModelListResult &result) {
        replyTestResult(responder, result);
    });
}

void AdminProvidersController::replyTestResult(const ResponderPtr &responder,
                                               const ModelListResult &result)
{
    replyJson(responder, 200,
              {{QStringLiteral("ok"), result.ok},
               {QStringLiteral("models"), QJsonArray::fromStringList(result.models)},
               {QStringLiteral("latencyMs"), double(result.latencyMs)},
               {QStringLiteral("error"), result.ok ? QJsonValue() : QJsonValue(result.error)}});
}

} // namespace hearth
