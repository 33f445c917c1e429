#include "storage/DatabaseSpec.h"

#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

namespace hearth {

DatabaseSettings parseDatabaseSpec(const QString &spec, QString *error)
{
    DatabaseSettings settings;
    const qsizetype scheme = spec.indexOf(QLatin1String("://"));
    if (scheme < 0) {
        settings.driver = QStringLiteral("sqlite");
        settings.sqlitePath = spec;
        return settings;
    }
    const QUrl url(spec);
    const QString kind = url.scheme().toLower();
    settings.driver.clear(); // not SQLite unless the scheme says so
    if (kind == QLatin1String("sqlite")) {
        settings.driver = QStringLiteral("sqlite");
        settings.sqlitePath = url.path();
        return settings;
    }
    if (kind == QLatin1String("postgres") || kind == QLatin1String("postgresql"))
        settings.driver = QStringLiteral("postgres");
    else if (kind == QLatin1String("mysql") || kind == QLatin1String("mariadb"))
        settings.driver = QStringLiteral("mysql");
    if (settings.driver.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("\"%1\" is neither an SQLite file nor a database URL such as "
                                "postgres://user:password@host/name or mysql://user@host/name")
                     .arg(url.toDisplayString(QUrl::RemovePassword));
        settings.driver.clear();
        return settings;
    }
    settings.host = url.host();
    settings.port = url.port(0);
    settings.user = url.userName();
    settings.password = url.password();
    settings.name = url.path().mid(1);
    settings.sslMode = QUrlQuery(url).queryItemValue(QStringLiteral("sslmode"));
    return settings;
}

QString describeDatabase(const DatabaseSettings &settings)
{
    if (settings.driver == QLatin1String("sqlite"))
        return settings.sqlitePath;
    return QStringLiteral("%1://%2%3:%4/%5")
        .arg(settings.driver,
             settings.user.isEmpty() ? QString() : settings.user + QLatin1Char('@'),
             settings.host.isEmpty() ? QStringLiteral("127.0.0.1") : settings.host)
        .arg(settings.port)
        .arg(settings.name);
}

} // namespace hearth
