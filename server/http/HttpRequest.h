#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QString>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QHostAddress>

#include <memory>

class QTemporaryFile;

namespace hearth {

// A complete request as the connection guard framed it (RequestFramer),
// plus the route's path parameters.
struct HttpRequest
{
    QByteArray method; // upper case, e.g. "GET"
    QString path;      // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    // An upload's body, written to a temporary file as it arrived (see
    // HttpOptions::spooledBodyLimit); `body` is then empty. Removed with
    // the last copy of the request unless the handler keeps it.
    std::shared_ptr<QTemporaryFile> bodyFile;
    QHostAddress remoteAddress;
    // Reached us over TLS: directly, or through a trusted proxy that says so
    // (X-Forwarded-Proto: https).
    bool secure = false;
    QHash<QString, QString> params; // from ":name" route segments

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    QString param(const QString &name) const { return params.value(name); }
    QString queryValue(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
};

} // namespace hearth
