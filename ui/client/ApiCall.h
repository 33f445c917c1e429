#pragma once

#include <QtCore/QJsonDocument>
#include <QtCore/QObject>

class QNetworkReply;

namespace hearth::client {

// The outcome of one API request, as the UI needs it: status, JSON, and an
// error sentence a person can read (the server's own when it sent one).
struct ApiResult
{
    int status = 0;
    QJsonDocument json;
    QByteArray body; // as it came: a picture, a file
    QString error;   // empty on success
    QString code;    // the server's error code, e.g. RATE_LIMITED
    int retryAfter = 0;
    QString nextPage; // path and query of the next page (Link: rel="next"), if any
    // The SHA-256 ("AB:CD:…") of an HTTPS certificate that was refused
    // because no authority vouches for it (and it is not the pinned one):
    // the user may compare it with the server's and trust it.
    QString untrustedCertificate;
    bool ok() const { return error.isEmpty(); }
};

// One request as the caller sees it, however many HTTP exchanges it takes
// (a refresh of the access token and a retry, say). Deletes itself after
// finished().
class ApiCall final : public QObject
{
    Q_OBJECT
public:
    explicit ApiCall(QObject *parent = nullptr)
        : QObject(parent)
    {}
    void finish(const ApiResult &result);
    static ApiResult resultOf(QNetworkReply *reply);

signals:
    void finished(const hearth::client::ApiResult &result);
    // Of a request's body, as it is sent (uploads).
    void progress(qint64 sent, qint64 total);
};

} // namespace hearth::client
