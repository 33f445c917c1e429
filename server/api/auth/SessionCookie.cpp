#include "api/auth/SessionCookie.h"

#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>

namespace hearth {

namespace {

// The host part of a Host header ("[::1]:8080", "example.org:443", "a.b").
QString hostName(const QByteArray &hostHeader)
{
    const QUrl url(QStringLiteral("http://") + QString::fromLatin1(hostHeader));
    return url.isValid() ? url.host().toLower() : QString();
}

bool toLoopback(const HttpRequest &request)
{
    const QString host = hostName(request.header("host"));
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QByteArray attributes(const HttpRequest &request)
{
    QByteArray out = "; Path=" + QByteArray(SessionCookie::path) + "; HttpOnly; SameSite=Strict";
    if (request.secure)
        out += "; Secure";
    return out;
}

} // namespace

bool SessionCookie::requested(const HttpRequest &request)
{
    return request.header("x-hearth-session").trimmed().toLower() == "cookie";
}

std::optional<QByteArray> SessionCookie::setCookie(const HttpRequest &request, const QString &token,
                                                   int maxAgeSeconds)
{
    if (!request.secure && !toLoopback(request))
        return std::nullopt;
    return QByteArray(SessionCookie::name) + '=' + token.toLatin1() +
           "; Max-Age=" + QByteArray::number(maxAgeSeconds) + attributes(request);
}

QByteArray SessionCookie::clearCookie(const HttpRequest &request)
{
    return QByteArray(SessionCookie::name) + "=; Max-Age=0" + attributes(request);
}

QString SessionCookie::read(const HttpRequest &request)
{
    const QByteArray wanted = QByteArray(SessionCookie::name) + '=';
    for (const QByteArray &part : request.header("cookie").split(';')) {
        const QByteArray pair = part.trimmed();
        if (pair.startsWith(wanted))
            return QString::fromLatin1(pair.mid(wanted.size()));
    }
    return {};
}

bool SessionCookie::fromOwnOrigin(const HttpRequest &request)
{
    const QByteArray origin = request.header("origin").trimmed().toLower();
    const QByteArray host = request.header("host").trimmed().toLower();
    if (origin.isEmpty() || host.isEmpty())
        return false;
    const QByteArray scheme = request.secure ? "https://" : "http://";
    if (origin == scheme + host)
        return true;
    // Browsers leave the default port out of Origin; some clients keep it in Host.
    const QByteArray defaultPort = request.secure ? ":443" : ":80";
    return host.endsWith(defaultPort) && origin == scheme + host.chopped(defaultPort.size());
}

} // namespace hearth
