#include "api/attachments/AttachmentController.h"

#include "api/ApiReply.h"
#include "api/JsonViews.h"
#include "api/ServerContext.h"
#include "api/SettingsService.h"
#include "api/attachments/AttachmentDownload.h"
#include "api/auth/Authenticator.h"
#include "attachments/ContentSniffer.h"
#include "attachments/ImageNormalizer.h"
#include "attachments/PdfText.h"
#include "attachments/SafeFileName.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "http/RequestHead.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QTemporaryFile>

namespace hearth {

namespace {

const QString uploadPath = QStringLiteral("/v1/attachments");
// What is kept of a PDF's text: a model takes far less (AttachmentParts),
// and MySQL's MEDIUMTEXT holds 16 MB.
constexpr qsizetype maxPdfCharacters = 4'000'000;
constexpr int thumbnailSide = 256; // pixels, the longest side
// Thumbnails kept in memory, in KiB: about 500 of 20 KiB.
constexpr int thumbnailCacheKiB = 10 * 1024;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 1) + QStringLiteral(" MB");
}

ApiError emptyFileError()
{
    return ApiError{400, QStringLiteral("EMPTY_FILE"), QStringLiteral("The file is empty"), {}, 0};
}

struct UploadRules
{
    std::optional<qint64> quota; // bytes; none: no limit
    ImageLimits images;
    QString spoolDir;
};

// On a worker: what the file is, whether it fits the user's storage quota,
// its checksum, then its bytes into the database. The file stays the
// caller's (it is removed on the server thread). Two uploads at once may
// both fit a quota that only one of them fits: a bound, not an account.
Outcome<AttachmentRecord> storeUpload(AttachmentRepository &repository, QTemporaryFile &file,
                                      AttachmentRecord record, const QString &givenName,
                                      const UploadRules &rules)
{
    const SniffedContent content = sniffContent(file);
    using Kind = SniffedContent::Kind;
    if (content.kind == Kind::Empty)
        return emptyFileError();
    if (content.kind == Kind::Unsupported)
        return ApiError{415,
                        QStringLiteral("UNSUPPORTED_FILE"),
                        QStringLiteral("Hearth cannot read this file: it is %1. It takes "
                                       "pictures (PNG, JPEG, WebP, GIF), PDFs and text files.")
                            .arg(content.what),
                        {},
                        0};
    record.kind =
        content.kind == Kind::Image ? QStringLiteral("image") : QStringLiteral("document");
    record.mediaType = content.mediaType;
    if (content.kind == Kind::Text) {
        record.mediaType += "; charset=" + content.encoding.toLower();
        record.characters = content.characters;
    }

    // A PDF's text is read once, now: a damaged or locked one is refused.
    if (content.kind == Kind::Pdf) {
        const auto pdf = extractPdfText(file, maxPdfCharacters);
        if (!pdf)
            return pdf.error();
        record.textContent = pdf->text;
        record.characters = pdf->text.size();
    }

    // Pictures are kept upright, scaled and without their metadata.
    QIODevice *kept = &file;
    QTemporaryFile normalized(QDir(rules.spoolDir).filePath(QStringLiteral("picture-XXXXXX")));
    if (content.kind == Kind::Image) {
        if (!normalized.open())
            return ApiError::internal();
        const auto image = normalizeImage(file, content.mediaType, normalized, rules.images);
        if (!image)
            return image.error();
        record.mediaType = image->mediaType;
        kept = &normalized;
    }

    if (rules.quota) {
        const Outcome<qint64> used = repository.storedBytes(record.userId);
        if (!used)
            return used.error();
        if (used.value() + kept->size() > *rules.quota)
            return ApiError{
                413,
                QStringLiteral("STORAGE_QUOTA_EXCEEDED"),
                QStringLiteral("This file (%1) does not fit: your attachments take %2 "
                               "of your %3. Delete some, or ask the admin for more.")
                    .arg(megabytes(kept->size()), megabytes(used.value()), megabytes(*rules.quota)),
                {},
                0};
    }
    QCryptographicHash sha256(QCryptographicHash::Sha256);
    if (!kept->seek(0) || !sha256.addData(kept))
        return ApiError::internal();
    record.name =
        safeFileName(givenName, record.kind == QLatin1String("image") ? QStringLiteral("image")
                                                                      : QStringLiteral("document"));
    record.size = kept->size();
    record.sha256 = sha256.result().toHex();
    const Outcome<Done> stored = repository.store(record, *kept);
    if (!stored)
        return stored.error();
    return record;
}

} // namespace

AttachmentController::AttachmentController(ServerContext &context, const Authenticator &auth,
                                           QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_auth(auth)
    , m_thumbnails(thumbnailCacheKiB)
{}

qint64 AttachmentController::uploadLimit(const RequestHead &head, qint64 maxUploadBytes)
{
    const qsizetype query = head.target.indexOf('?');
    const QByteArray path = query < 0 ? head.target : head.target.left(query);
    return head.method == "POST" && path == "/v1/attachments" ? maxUploadBytes : 0;
}

std::optional<HttpRefusal> AttachmentController::admitUpload(const Authenticator &auth,
                                                             const RequestHead &head)
{
    HttpRequest request;
    request.headers = head.headers;
    const Outcome<Caller> caller = auth.authenticate(request);
    if (caller)
        return std::nullopt;
    return HttpRefusal{caller.error().status, caller.error().code.toUtf8(),
                       caller.error().message.toUtf8()};
}

void AttachmentController::registerRoutes(Router &router)
{
    router.add("POST", uploadPath,
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   upload(r, p, c);
               }));
    router.add("GET", QStringLiteral("/v1/attachments/:id"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   describe(r, p, c);
               }));
    router.add("GET", QStringLiteral("/v1/attachments/:id/content"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   download(r, p, c);
               }));
    router.add("GET", QStringLiteral("/v1/attachments/:id/thumbnail"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   thumbnail(r, p, c);
               }));
    router.add("DELETE", QStringLiteral("/v1/attachments/:id"),
               m_auth.require([this](const HttpRequest &r, const ResponderPtr &p, const Caller &c) {
                   remove(r, p, c);
               }));
}

void AttachmentController::upload(const HttpRequest &request, const ResponderPtr &responder,
                                  const Caller &me)
{
    std::shared_ptr<QTemporaryFile> file = request.bodyFile;
    if (!file) {
        replyError(responder, emptyFileError());
        return;
    }
    AttachmentRecord record;
    record.id = newId();
    record.userId = me.id;
    record.createdAt = Clock::system().nowMs();
    std::optional<qint64> quota = me.storageQuotaBytes;
    if (!quota) {
        const auto settings = m_context.settingsService->current();
        if (!settings) {
            replyError(responder, settings.error());
            return;
        }
        quota = settings->defaultQuota.storageBytes;
    }
    AttachmentRepository *repository = &m_context.attachments;
    Database *db = m_context.db.get();
    UploadRules rules{quota, {}, m_context.config.uploadSpoolDir()};
    rules.images.maxSide = m_context.config.imageMaxSide;
    QtConcurrent::run(&m_context.fileWorkers, [repository, db, spool = file.get(), record, rules,
                                               name = request.queryValue(QStringLiteral("name"))] {
        auto stored = storeUpload(*repository, *spool, record, name, rules);
        // Pool threads come and go: none keeps a connection.
        db->releaseConnection();
        return stored;
    }).then(this, [responder, file](const Outcome<AttachmentRecord> &stored) {
        if (!stored) {
            replyError(responder, stored.error());
            return;
        }
        replyJson(responder, 201, attachmentJson(stored.value()));
    });
}

std::optional<AttachmentRecord> AttachmentController::ownedOrReply(const HttpRequest &request,
                                                                   const ResponderPtr &responder,
                                                                   const Caller &me)
{
    const auto found = m_context.attachments.findOwned(request.param(QStringLiteral("id")), me.id);
    if (!found)
        replyError(responder, found.error());
    else if (!found->has_value())
        replyError(responder, ApiError::notFound(QStringLiteral("Attachment")));
    else
        return found.value();
    return std::nullopt;
}

void AttachmentController::describe(const HttpRequest &request, const ResponderPtr &responder,
                                    const Caller &me)
{
    if (const auto attachment = ownedOrReply(request, responder, me))
        replyJson(responder, 200, attachmentJson(*attachment));
}

void AttachmentController::download(const HttpRequest &request, const ResponderPtr &responder,
                                    const Caller &me)
{
    if (const auto attachment = ownedOrReply(request, responder, me))
        (new AttachmentDownload(m_context.attachments, *attachment, responder, m_context.jobs))
            ->start();
}

void AttachmentController::thumbnail(const HttpRequest &request, const ResponderPtr &responder,
                                     const Caller &me)
{
    const auto found = ownedOrReply(request, responder, me);
    if (!found)
        return;
    if (found->kind != QLatin1String("image")) {
        replyError(responder, ApiError::notFound(QStringLiteral("Picture")));
        return;
    }
    const AttachmentRecord &picture = *found;
    const QByteArray etag = '"' + picture.sha256 + "-t\"";
    auto send = [responder, etag](const Thumbnail &made) {
        responder->send(200, made.mediaType, made.bytes,
                        {{"Cache-Control", "private, max-age=31536000, immutable"},
                         {"ETag", etag},
                         {"Content-Security-Policy", "sandbox; default-src 'none'"}});
    };
    if (const Thumbnail *kept = m_thumbnails.object(picture.sha256)) {
        send(*kept);
        return;
    }
    // Made on a worker: decoding a 2,048-px picture takes tens of milliseconds.
    AttachmentRepository *repository = &m_context.attachments;
    Database *db = m_context.db.get();
    QtConcurrent::run(&m_context.fileWorkers,
                      [repository, db, id = picture.id]() -> Outcome<Thumbnail> {
                          const auto bytes = repository->content(id);
                          db->releaseConnection();
                          if (!bytes)
                              return bytes.error();
                          const Thumbnail made = makeThumbnail(bytes.value(), thumbnailSide);
                          if (made.bytes.isEmpty())
                              return ApiError::internal();
                          return made;
                      })
        .then(this, [this, responder, send, key = picture.sha256](const Outcome<Thumbnail> &made) {
            if (!made) {
                replyError(responder, made.error());
                return;
            }
            m_thumbnails.insert(key, new Thumbnail(made.value()),
                                qMax<qsizetype>(1, made->bytes.size() / 1024));
            send(made.value());
        });
}

void AttachmentController::remove(const HttpRequest &request, const ResponderPtr &responder,
                                  const Caller &me)
{
    const auto removed = m_context.attachments.remove(request.param(QStringLiteral("id")), me.id);
    if (!removed)
        replyError(responder, removed.error());
    else if (!removed.value())
        replyError(responder, ApiError::notFound(QStringLiteral("Attachment")));
    else
        responder->sendEmpty(204);
}

} // namespace hearth
