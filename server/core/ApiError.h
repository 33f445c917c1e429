#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace hearth {

// A failure as the API reports it: an HTTP status, an UPPER_SNAKE code and a
// sentence a person can read. Domain code returns these; the HTTP layer only
// serialises them.
struct ApiError
{
    int status = 500;
    QString code;
    QString message;
    QStringList details; // e.g. every failed validation rule
    int retryAfterSeconds = 0;

    static ApiError invalidJson(const QString &why)
    {
        return {400, QStringLiteral("INVALID_JSON"), why, {}, 0};
    }
    static ApiError validation(const QStringList &errors)
    {
        return {400, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Validation failed"),
                errors, 0};
    }
    static ApiError unauthorized(const QString &why = QStringLiteral("Authentication required"))
    {
        return {401, QStringLiteral("UNAUTHORIZED"), why, {}, 0};
    }
    static ApiError invalidCredentials()
    {
        return {401,
                QStringLiteral("INVALID_CREDENTIALS"),
                QStringLiteral("Email or password is incorrect"),
                {},
                0};
    }
    static ApiError forbidden(const QString &why)
    {
        return {403, QStringLiteral("FORBIDDEN"), why, {}, 0};
    }
    static ApiError notFound(const QString &what)
    {
        return {404, QStringLiteral("NOT_FOUND"), what + QStringLiteral(" not found"), {}, 0};
    }
    static ApiError conflict(const QString &why)
    {
        return {409, QStringLiteral("CONFLICT"), why, {}, 0};
    }
    static ApiError unsupportedMediaType()
    {
        return {415,
                QStringLiteral("UNSUPPORTED_MEDIA_TYPE"),
                QStringLiteral("Send the body as application/json"),
                {},
                0};
    }
    static ApiError rateLimited(const QString &why, int retryAfter)
    {
        return {429, QStringLiteral("RATE_LIMITED"), why, {}, retryAfter};
    }
    static ApiError internal()
    {
        return {500,
                QStringLiteral("INTERNAL_ERROR"),
                QStringLiteral("Something went wrong on the server"),
                {},
                0};
    }
    static ApiError upstream(const QString &why)
    {
        return {502, QStringLiteral("UPSTREAM_ERROR"), why, {}, 0};
    }
    static ApiError noProvider(const QString &model)
    {
        return {503,
                QStringLiteral("NO_PROVIDER"),
                QStringLiteral("No configured provider serves the model \"%1\"").arg(model),
                {},
                0};
    }
    static ApiError unavailable(
        const QString &why = QStringLiteral("The database is unavailable; try again shortly"))
    {
        return {503, QStringLiteral("SERVICE_UNAVAILABLE"), why, {}, 0};
    }
    static ApiError upstreamTimeout(const QString &why)
    {
        return {504, QStringLiteral("UPSTREAM_TIMEOUT"), why, {}, 0};
    }
};

} // namespace hearth
