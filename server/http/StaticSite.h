#pragma once

#include "http/HttpRequest.h"
#include "http/Responder.h"

#include <QtCore/QHash>
#include <QtCore/QString>

#include <memory>

namespace hearth {

// Plain files under a folder of Qt resources (":/web") served as a website,
// the way qBittorrent ships its WebUI: MIME types by extension, an ETag
// with If-None-Match (304), a year's immutable caching for content-hashed
// names (app-3f2a9c1d.js) and revalidation for the rest, the gzip twin made
// at build time (`<file>.gz` among the resources) or else one made
// once per file for browsers that accept it, and index.html for client
// routes — paths whose last segment has no dot. The API's paths (/v1…,
// /health) and missing assets are never answered here: they stay the
// API's JSON 404. Pages carry a CSP of their own: scripts only from the
// site itself, no inline scripts, no eval, no framing.
class StaticSite final
{
public:
    explicit StaticSite(QString root);
    ~StaticSite();
    StaticSite(const StaticSite &) = delete;
    StaticSite &operator=(const StaticSite &) = delete;

    // Whether the folder holds a site (an index.html).
    bool available() const;
    // True when it answered; false leaves the request to the caller.
    bool serve(const HttpRequest &request, const ResponderPtr &responder) const;

    static const QByteArray pagePolicy;

private:
    struct File;
    // The file at `path` under the root, loaded once; nullptr if none.
    const File *file(const QString &path) const;

    QString m_root;
    mutable QHash<QString, std::shared_ptr<const File>> m_files;
};

} // namespace hearth
