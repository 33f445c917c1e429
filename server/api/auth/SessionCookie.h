#pragma once

#include "http/HttpRequest.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>

namespace hearth {

// The web client's refresh token, kept where page scripts cannot read it: an
// HttpOnly, SameSite=Strict cookie sent only to /v1/auth. A client asks for
// it with `X-Hearth-Session: cookie` on login, refresh and logout; other
// clients keep the token in the JSON body as before.
namespace SessionCookie {

inline constexpr char name[] = "hearth_refresh";
inline constexpr char path[] = "/v1/auth";

bool requested(const HttpRequest &request);

// The Set-Cookie value carrying `token`, or nothing when this connection
// cannot keep it safe: `Secure` over HTTPS; over plain HTTP only when the
// browser talks to this same machine (Host is localhost or a loopback
// address), since anywhere else the cookie would cross the network in clear.
std::optional<QByteArray> setCookie(const HttpRequest &request, const QString &token,
                                    int maxAgeSeconds);
// Removes the cookie from the browser.
QByteArray clearCookie(const HttpRequest &request);

// The token the browser sent; empty if none.
QString read(const HttpRequest &request);

// Whether the page that made the call is this server's own: the Origin
// header names the scheme and host the request was sent to. Calls that are
// authenticated by the cookie alone must pass this.
bool fromOwnOrigin(const HttpRequest &request);

} // namespace SessionCookie
} // namespace hearth
