#include "http/StaticSite.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>

#include <zlib.h>

namespace hearth {

// KaTeX sets sizes in style attributes, hence 'unsafe-inline' for styles
// only; scripts never run inline.
const QByteArray StaticSite::pagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
    "worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

struct StaticSite::File
{
    QByteArray body;
    QByteArray gzipped; // empty when not worth it
    QByteArray mime;
    QByteArray etag;
    bool immutable = false;
};

namespace {

QByteArray mimeOf(const QString &path)
{
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("mjs"), "text/javascript; charset=utf-8"},
        {QStringLiteral("css"), "text/css; charset=utf-8"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("map"), "application/json"},
        {QStringLiteral("webmanifest"), "application/manifest+json"},
        {QStringLiteral("svg"), "image/svg+xml"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("ico"), "image/vnd.microsoft.icon"},
        {QStringLiteral("woff2"), "font/woff2"},
        {QStringLiteral("woff"), "font/woff"},
        {QStringLiteral("ttf"), "font/ttf"},
        {QStringLiteral("txt"), "text/plain; charset=utf-8"}};
    return types.value(path.section(QLatin1Char('.'), -1).toLower(), "application/octet-stream");
}

bool compressible(const QByteArray &mime)
{
    return mime.startsWith("text/") || mime.startsWith("application/json") ||
           mime.startsWith("application/manifest") || mime.startsWith("image/svg");
}

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    // 15 + 16: a gzip header and trailer rather than zlib's.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

// "app-3f2a9c1d.js", "katex.4e1f0b2a.woff2": named after their content, so
// they can be cached for good.
bool hashedName(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral(R"([.-][0-9a-f]{8,}\.[a-z0-9]+$)"));
    return pattern.match(path).hasMatch();
}

bool isApiPath(const QString &path)
{
    return path == QLatin1String("/v1") || path.startsWith(QLatin1String("/v1/")) ||
           path == QLatin1String("/health") || path.startsWith(QLatin1String("/health/"));
}

} // namespace

StaticSite::StaticSite(QString root)
    : m_root(std::move(root))
{}

StaticSite::~StaticSite() = default;

bool StaticSite::available() const
{
    return file(QStringLiteral("/index.html")) != nullptr;
}

const StaticSite::File *StaticSite::file(const QString &path) const
{
    if (const auto cached = m_files.constFind(path); cached != m_files.constEnd())
        return cached->get();
    // Misses are not remembered: their paths come from clients, and a
    // lookup in the resource tree is cheap.
    QFile source(m_root + path);
    if (!source.open(QIODevice::ReadOnly))
        return nullptr;
    auto loaded = std::make_shared<File>();
    loaded->body = source.readAll();
    loaded->mime = mimeOf(path);
    loaded->etag =
        '"' + QCryptographicHash::hash(loaded->body, QCryptographicHash::Sha256).toHex().left(20) +
        '"';
    loaded->immutable = hashedName(path);
    // A twin made at build time (web/CMakeLists.txt) is used as it is;
    // otherwise the file is compressed here, once.
    QFile twin(m_root + path + QStringLiteral(".gz"));
    if (compressible(loaded->mime) && twin.open(QIODevice::ReadOnly)) {
        loaded->gzipped = twin.readAll();
    } else if (compressible(loaded->mime) && loaded->body.size() > 1024) {
        const QByteArray zipped = gzip(loaded->body);
        if (!zipped.isEmpty() && zipped.size() < loaded->body.size())
            loaded->gzipped = zipped;
    }
    m_files.insert(path, loaded);
    return loaded.get();
}

bool StaticSite::serve(const HttpRequest &request, const ResponderPtr &responder) const
{
    if ((request.method != "GET" && request.method != "HEAD") || isApiPath(request.path))
        return false;
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : segments)
        if (segment == QLatin1String("..") || segment == QLatin1String(".") ||
            segment.contains(QLatin1Char('\\')))
            return false;
    const QString path = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const bool clientRoute = segments.isEmpty() || !segments.last().contains(QLatin1Char('.'));
    const File *found = clientRoute ? file(QStringLiteral("/index.html")) : file(path);
    if (!found)
        return false;

    HeaderList headers{{"Content-Security-Policy", pagePolicy},
                       {"ETag", found->etag},
                       {"Cache-Control", found->immutable && !clientRoute
                                             ? QByteArray("public, max-age=31536000, immutable")
                                             : QByteArray("no-cache")}};
    if (!found->gzipped.isEmpty())
        headers.append(qMakePair(QByteArray("Vary"), QByteArray("Accept-Encoding")));
    const QList<QByteArray> tags = request.header("if-none-match").split(',');
    for (const QByteArray &tag : tags) {
        if (tag.trimmed() == found->etag || tag.trimmed() == "*") {
            responder->sendEmpty(304, headers);
            return true;
        }
    }
    const bool gzipOk =
        !found->gzipped.isEmpty() && request.header("accept-encoding").toLower().contains("gzip");
    if (gzipOk)
        headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    responder->send(200, found->mime, gzipOk ? found->gzipped : found->body, headers);
    return true;
}

} // namespace hearth
