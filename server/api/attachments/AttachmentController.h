#pragma once

#include "http/RequestHead.h"
#include "http/Router.h"

#include "attachments/ImageNormalizer.h"

#include <QtCore/QCache>
#include <QtCore/QObject>

#include <optional>

namespace hearth {

struct ServerContext;
class Authenticator;
struct Caller;
struct AttachmentRecord;

// Pictures and documents sent into a chat: POST /v1/attachments (the file
// as the raw body, ?name= its name), GET /v1/attachments/:id, its /content
// and (pictures) /thumbnail, and DELETE /v1/attachments/:id. Uploads
// arrive in a spool file (HttpOptions::spooledBodyLimit), are recognised by
// their content and stored in the database on the file workers.
class AttachmentController final : public QObject
{
    Q_OBJECT
public:
    AttachmentController(ServerContext &context, const Authenticator &auth,
                         QObject *parent = nullptr);
    void registerRoutes(Router &router);
    // The upload limit for a request's head; 0 for requests that are not uploads.
    static qint64 uploadLimit(const RequestHead &head, qint64 maxUploadBytes);
    // An upload's head decides whether its body is taken at all: without a
    // valid sign-in it is refused before a byte of it is stored.
    static std::optional<HttpRefusal> admitUpload(const Authenticator &auth,
                                                  const RequestHead &head);

private:
    // The caller's attachment named by the route's :id; otherwise the error
    // (404 for another user's) is already sent.
    std::optional<AttachmentRecord> ownedOrReply(const HttpRequest &request,
                                                 const ResponderPtr &responder, const Caller &me);
    void upload(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);
    void describe(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);
    void download(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);
    void thumbnail(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);
    void remove(const HttpRequest &request, const ResponderPtr &responder, const Caller &me);

    ServerContext &m_context;
    const Authenticator &m_auth;
    // Thumbnails made, by their picture's SHA-256 (a picture never changes):
    // a conversation opened again does not decode its pictures again.
    QCache<QByteArray, Thumbnail> m_thumbnails;
};

} // namespace hearth
