#include "api/cli/DbCommands.h"

#include "api/Bootstrap.h"

#include "storage/Database.h"
#include "storage/DatabaseCopy.h"
#include "storage/DatabaseSpec.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QTextStream>

namespace hearth {

QString dbCommandUsage()
{
    return QStringLiteral(
        "  hearth-server db copy [--from FILE|URL] --to FILE|URL\n"
        "  hearth-server db backup FILE\n"
        "FILE is an SQLite file; URL is postgres://user:password@host:port/name or\n"
        "mysql://user:password@host:port/name. --from defaults to the configured\n"
        "database. The destination must be new or empty; the source may be in use.\n");
}

namespace {

int copy(const DatabaseSettings &from, const DatabaseSettings &to, QTextStream &out,
         QTextStream &err, bool interactive)
{
    if (from.driver == QLatin1String("sqlite") && !QFileInfo::exists(from.sqlitePath)) {
        err << from.sqlitePath << " does not exist.\n";
        return 1;
    }
    QString error;
    auto source = Database::create(from, &error);
    if (!source) {
        err << error << '\n';
        return 1;
    }
    out << "Copying " << describeDatabase(from) << " to " << describeDatabase(to) << '\n';
    out.flush();
    QElapsedTimer sinceDrawn;
    const auto progress = [&](qint64 done, qint64 total) {
        // A bar on a terminal, redrawn at most ten times a second.
        if (!interactive || (sinceDrawn.isValid() && sinceDrawn.elapsed() < 100 && done < total))
            return true;
        sinceDrawn.start();
        const int width = 30;
        const int filled = total > 0 ? int(width * done / total) : width;
        err << "\r[" << QString(filled, QLatin1Char('#'))
            << QString(width - filled, QLatin1Char(' ')) << "] " << QLocale::c().toString(done)
            << " / " << QLocale::c().toString(total) << " rows" << (done >= total ? "\n" : "");
        err.flush();
        return true;
    };
    QElapsedTimer took;
    took.start();
    QList<DatabaseCopy::TableCount> counts;
    const bool copied = DatabaseCopy::copyInto(*source, to, progress, &counts, &error);
    for (const DatabaseCopy::TableCount &count : std::as_const(counts)) {
        out << QStringLiteral("  %1 %2 → %3%4\n")
                   .arg(count.table, -15)
                   .arg(count.source, 9)
                   .arg(count.destination, -9)
                   .arg(count.source == count.destination ? QString() : QStringLiteral(" ✗"));
    }
    if (!copied) {
        err << "The copy failed: " << error << '\n';
        return 1;
    }
    out << "Copied and verified in " << QString::number(took.elapsed() / 1000.0, 'f', 1)
        << " s. Provider keys stay sealed: run the destination's server with the source's "
           "secret.key (or the same HEARTH_SECRET_KEY).\n";
    return 0;
}

} // namespace

int runDbCommand(const ServerConfig &config, const QStringList &arguments, QTextStream &out,
                 QTextStream &err, bool interactive)
{
    const QString command = arguments.value(0);
    QString error;
    if (command == QLatin1String("backup") && arguments.size() == 2) {
        DatabaseSettings to;
        to.driver = QStringLiteral("sqlite");
        to.sqlitePath = arguments.at(1);
        return copy(bootstrap::databaseSettings(config), to, out, err, interactive);
    }
    if (command == QLatin1String("copy")) {
        DatabaseSettings from = bootstrap::databaseSettings(config);
        std::optional<DatabaseSettings> to;
        for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
            const DatabaseSettings parsed = parseDatabaseSpec(arguments.at(i + 1), &error);
            if (parsed.driver.isEmpty()) {
                err << error << '\n';
                return 2;
            }
            if (arguments.at(i) == QLatin1String("--from"))
                from = parsed;
            else if (arguments.at(i) == QLatin1String("--to"))
                to = parsed;
            else
                break;
        }
        if (to && arguments.size() % 2 == 1)
            return copy(from, *to, out, err, interactive);
    }
    err << "Usage:\n" << dbCommandUsage();
    return 2;
}

} // namespace hearth
