#include "client/ServerMessages.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QRegularExpression>

namespace hearth::client {

namespace {

constexpr const char *context = "ServerMessages";

// Sentences and templates as the server writes them; %N are the parts that vary.
constexpr const char *known[] = {
    QT_TRANSLATE_NOOP("ServerMessages", "Email or password is incorrect"),
    QT_TRANSLATE_NOOP("ServerMessages", "Authentication required"),
    QT_TRANSLATE_NOOP("ServerMessages", "This account is disabled"),
    QT_TRANSLATE_NOOP("ServerMessages", "The access token has expired; refresh it"),
    QT_TRANSLATE_NOOP("ServerMessages", "The access token is not valid"),
    QT_TRANSLATE_NOOP("ServerMessages", "This sign-in has ended; sign in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "The sign-in has expired; sign in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "The refresh token is not valid; sign in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "This refresh token was already used; sign in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only administrators can do this"),
    QT_TRANSLATE_NOOP("ServerMessages", "An account with this email already exists"),
    QT_TRANSLATE_NOOP("ServerMessages", "Something went wrong on the server"),
    QT_TRANSLATE_NOOP("ServerMessages", "The database is unavailable; try again shortly"),
    QT_TRANSLATE_NOOP("ServerMessages", "Validation failed"),
    QT_TRANSLATE_NOOP("ServerMessages", "currentPassword is not correct"),
    QT_TRANSLATE_NOOP("ServerMessages", "The API key is not valid"),
    QT_TRANSLATE_NOOP("ServerMessages", "from must be before to"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 not found"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 is required"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 must be a string"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 must be %2–%3 characters long"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 must not be blank"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 must be an email address"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 must be a whole number from %2 to %3"),
    QT_TRANSLATE_NOOP("ServerMessages", "No configured provider serves the model \"%1\""),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 exists; copy into a new file"),
    QT_TRANSLATE_NOOP("ServerMessages",
                      "the destination is not empty (%1 has %2 rows); copy into a new database"),
    QT_TRANSLATE_NOOP("ServerMessages", "A backup or copy is already running"),
    QT_TRANSLATE_NOOP("ServerMessages", "to is the database this server uses"),
    QT_TRANSLATE_NOOP("ServerMessages", "The server is shutting down; the reply so far is kept"),
    // A provider's connection test (first run, admin page): with the
    // provider's own words after the colon, or without them.
    QT_TRANSLATE_NOOP("ServerMessages", "The provider did not accept the API key (%1): %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "The provider did not accept the API key (%1)"),
    QT_TRANSLATE_NOOP("ServerMessages", "There is no OpenAI-compatible API at this address (%1); "
                                        "such addresses usually end in /v1: %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "There is no OpenAI-compatible API at this address (%1); "
                                        "such addresses usually end in /v1"),
    QT_TRANSLATE_NOOP("ServerMessages",
                      "The provider says the account has no credit left (%1): %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "The provider says the account has no credit left (%1)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The provider is turning requests away for now (%1): %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "The provider is turning requests away for now (%1)"),
    QT_TRANSLATE_NOOP("ServerMessages",
                      "The provider has a problem of its own (%1); try again later: %2"),
    QT_TRANSLATE_NOOP("ServerMessages",
                      "The provider has a problem of its own (%1); try again later"),
    QT_TRANSLATE_NOOP("ServerMessages", "Nothing answers at %1 (the connection was refused): is "
                                        "the server running, and is the port right?"),
    QT_TRANSLATE_NOOP("ServerMessages", "The address %1 could not be found: check its spelling "
                                        "and this computer's internet connection"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 did not answer within %2 seconds"),
    QT_TRANSLATE_NOOP("ServerMessages", "A secure connection to %1 could not be made: %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "The address answered, but not with a list of models: is "
                                        "it an OpenAI-compatible API?"),
    QT_TRANSLATE_NOOP("ServerMessages",
                      "The provider answered with a redirect, which Hearth does not follow"),
};

// The names a template's %1 stands for.
[[maybe_unused]] constexpr const char *names[] = {
    QT_TRANSLATE_NOOP("ServerMessages", "Conversation"),
    QT_TRANSLATE_NOOP("ServerMessages", "Message"),
    QT_TRANSLATE_NOOP("ServerMessages", "User"),
    QT_TRANSLATE_NOOP("ServerMessages", "Provider"),
    QT_TRANSLATE_NOOP("ServerMessages", "API key"),
    QT_TRANSLATE_NOOP("ServerMessages", "email"),
    QT_TRANSLATE_NOOP("ServerMessages", "password"),
    QT_TRANSLATE_NOOP("ServerMessages", "name"),
    QT_TRANSLATE_NOOP("ServerMessages", "title"),
    QT_TRANSLATE_NOOP("ServerMessages", "currentPassword"),
    QT_TRANSLATE_NOOP("ServerMessages", "newPassword"),
    QT_TRANSLATE_NOOP("ServerMessages", "baseUrl"),
    QT_TRANSLATE_NOOP("ServerMessages", "content"),
    QT_TRANSLATE_NOOP("ServerMessages", "systemPrompt"),
};

struct Template
{
    QString source;
    QRegularExpression pattern;
    QList<int> placeholders; // which %N each captured group is
};

QList<Template> compiledTemplates()
{
    static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
    QList<Template> templates;
    for (const char *text : known) {
        Template t;
        t.source = QString::fromUtf8(text);
        QString pattern;
        qsizetype from = 0;
        for (auto it = placeholder.globalMatch(t.source); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            pattern += QRegularExpression::escape(t.source.mid(from, m.capturedStart() - from));
            pattern += QStringLiteral("(.+?)");
            t.placeholders << m.captured(1).toInt();
            from = m.capturedEnd();
        }
        pattern += QRegularExpression::escape(t.source.mid(from));
        t.pattern.setPattern(QRegularExpression::anchoredPattern(pattern));
        templates << t;
    }
    return templates;
}

QString translated(const QString &source)
{
    return QCoreApplication::translate(context, source.toUtf8().constData());
}

} // namespace

QString localizedServerMessage(const QString &english)
{
    static const QList<Template> templates = compiledTemplates();
    for (const Template &t : templates) {
        const QRegularExpressionMatch match = t.pattern.match(english);
        if (!match.hasMatch())
            continue;
        QString result = translated(t.source);
        for (int i = 0; i < t.placeholders.size(); ++i) {
            result.replace(QLatin1Char('%') + QString::number(t.placeholders.at(i)),
                           translated(match.captured(i + 1)));
        }
        return result;
    }
    return english;
}

} // namespace hearth::client
