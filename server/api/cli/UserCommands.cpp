#include "api/cli/UserCommands.h"

#include "api/Bootstrap.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "core/TimeFormat.h"
#include "security/PasswordHasher.h"
#include "storage/Database.h"
#include "storage/RefreshTokenRepository.h"
#include "storage/UserRepository.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QTextStream>

namespace hearth {

QString userCommandUsage()
{
    return QStringLiteral(
        "Usage:\n"
        "  hearth-server user add --email E --password P|- [--name N] [--role admin|user]\n"
        "  hearth-server user list\n"
        "  hearth-server user passwd --email E --password P|-\n"
        "  hearth-server user disable --email E\n"
        "  hearth-server user enable --email E\n"
        "With --password -, the password is read from standard input.\n");
}

namespace {

struct Options
{
    QString email, password, name, role;
};

std::optional<Options> parseOptions(const QStringList &args, QTextStream &err)
{
    Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size()) {
                err << arg << " needs a value\n";
                return std::nullopt;
            }
            return args.at(++i);
        };
        std::optional<QString> v;
        if (arg == QLatin1String("--email") && (v = value()))
            options.email = *v;
        else if (arg == QLatin1String("--password") && (v = value()))
            options.password = *v;
        else if (arg == QLatin1String("--name") && (v = value()))
            options.name = *v;
        else if (arg == QLatin1String("--role") && (v = value()))
            options.role = *v;
        else {
            if (!v)
                err << "unknown option " << arg << '\n';
            return std::nullopt;
        }
    }
    return options;
}

bool readPassword(Options &options, QTextStream &in, QTextStream &err)
{
    if (options.password == QLatin1String("-"))
        options.password = in.readLine();
    if (options.password.size() < 8 || options.password.size() > 128) {
        err << "The password must be 8–128 characters long.\n";
        return false;
    }
    return true;
}

std::optional<User> findUser(UserRepository &users, const QString &email, QTextStream &err)
{
    const auto found = users.findByEmail(email);
    if (!found) {
        err << found.error().message << '\n';
        return std::nullopt;
    }
    if (!found.value())
        err << "No account has the email " << email << ".\n";
    return found.value();
}

} // namespace

int runUserCommand(const ServerConfig &config, const QStringList &arguments, QTextStream &out,
                   QTextStream &err, QTextStream &in)
{
    if (arguments.isEmpty()) {
        err << userCommandUsage();
        return 2;
    }
    const QString command = arguments.first();
    const auto options = parseOptions(arguments.mid(1), err);
    if (!options) {
        err << userCommandUsage();
        return 2;
    }
    Options opts = *options;
    QString error;
    auto db = bootstrap::openDatabase(config, &error);
    if (!db) {
        err << "Cannot open the database: " << error << '\n';
        return 1;
    }
    UserRepository users(*db);
    const bool needsEmail = command != QLatin1String("list");
    if (needsEmail && opts.email.isEmpty()) {
        err << "--email is required.\n" << userCommandUsage();
        return 2;
    }

    if (command == QLatin1String("list")) {
        const auto all = users.list();
        if (!all) {
            err << all.error().message << '\n';
            return 1;
        }
        out << "email\trole\tstatus\tcreated\n";
        for (const User &u : all.value())
            out << u.email << '\t' << roleName(u.role) << '\t'
                << (u.disabled ? "disabled" : "active") << '\t' << toRfc3339(u.createdAt) << '\n';
        return 0;
    }
    if (command == QLatin1String("add")) {
        if (!opts.role.isEmpty() && opts.role != QLatin1String("admin") &&
            opts.role != QLatin1String("user")) {
            err << "--role must be admin or user.\n";
            return 2;
        }
        if (!readPassword(opts, in, err))
            return 2;
        User user;
        user.id = newId();
        user.email = opts.email;
        user.name = opts.name.isEmpty() ? opts.email.section(QLatin1Char('@'), 0, 0) : opts.name;
        user.role = roleFromName(opts.role);
        user.passwordHash = QString::fromLatin1(PasswordHasher().hash(opts.password));
        user.createdAt = Clock::system().nowMs();
        const auto created = users.create(user);
        if (!created) {
            err << created.error().message << '\n';
            return 1;
        }
        out << "Created " << roleName(user.role) << ' ' << created->email << ".\n";
        return 0;
    }
    if (command == QLatin1String("passwd") || command == QLatin1String("disable") ||
        command == QLatin1String("enable")) {
        const auto user = findUser(users, opts.email, err);
        if (!user)
            return 1;
        Outcome<Done> done = Done{};
        if (command == QLatin1String("passwd")) {
            if (!readPassword(opts, in, err))
                return 2;
            done = users.setPassword(user->id, PasswordHasher().hash(opts.password));
        } else {
            done = users.setDisabled(user->id, command == QLatin1String("disable"));
        }
        if (done && command != QLatin1String("enable"))
            done = RefreshTokenRepository(*db).revokeAllOfUser(user->id, Clock::system().nowMs());
        if (!done) {
            err << done.error().message << '\n';
            return 1;
        }
        out << (command == QLatin1String("passwd")    ? "Changed the password of "
                : command == QLatin1String("disable") ? "Disabled "
                                                      : "Enabled ")
            << user->email << ".\n";
        return 0;
    }
    err << "Unknown command \"" << command << "\".\n" << userCommandUsage();
    return 2;
}

} // namespace hearth
