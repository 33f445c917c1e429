#include "storage/DatabaseCopy.h"

#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlDialect.h"

#include <QtCore/QFileInfo>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtSql/QSqlRecord>

namespace hearth {

namespace {

constexpr int rowsPerStatement = 100;
constexpr int rowsPerTransaction = 20000;

QString describe(const QSqlError &error)
{
    return (error.driverText() + QLatin1Char(' ') + error.databaseText()).trimmed();
}

QString quoted(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

// INSERT of `rows` rows of `columns` values each, as positional placeholders.
QString insertStatement(const QString &table, const QStringList &columns, int rows)
{
    QStringList names;
    for (const QString &column : columns)
        names << quoted(column);
    const QString row = QLatin1Char('(') +
                        QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) +
                        QLatin1Char(')');
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(table, names.join(QLatin1Char(',')), QStringList(rows, row).join(QLatin1Char(',')));
}

bool count(QSqlDatabase db, const QString &table, qint64 *rows, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next()) {
        *error = QStringLiteral("cannot count %1: %2").arg(table, describe(query.lastError()));
        return false;
    }
    *rows = query.value(0).toLongLong();
    return true;
}

} // namespace

QStringList DatabaseCopy::tables()
{
    return {QStringLiteral("users"),
            QStringLiteral("refresh_tokens"),
            QStringLiteral("api_keys"),
            QStringLiteral("conversations"),
            QStringLiteral("messages"),
            QStringLiteral("attachments"),
            QStringLiteral("attachment_pieces"),
            QStringLiteral("usage_ledger"),
            QStringLiteral("providers"),
            QStringLiteral("settings"),
            QStringLiteral("rate_events"),
            QStringLiteral("access_log")};
}

bool DatabaseCopy::copyInto(Database &source, const DatabaseSettings &to, const Progress &progress,
                            QList<TableCount> *counts, QString *error)
{
    if (to.driver == QLatin1String("sqlite") && QFileInfo::exists(to.sqlitePath) &&
        QFileInfo(to.sqlitePath).size() > 0) {
        *error = QStringLiteral("%1 exists; copy into a new file").arg(to.sqlitePath);
        return false;
    }
    const int version = Migrator(source).currentVersion(error);
    const int newest = source.dialect().migrations().last().version;
    if (version < 0)
        return false;
    if (version != newest) {
        *error =
            QStringLiteral("the source has schema version %1, this Hearth %2; %3")
                .arg(version)
                .arg(newest)
                .arg(version < newest
                         ? QStringLiteral("start hearth-server on it once to bring it up to date")
                         : QStringLiteral("use the newer Hearth that made it"));
        return false;
    }
    auto destination = Database::create(to, error);
    if (!destination)
        return false;
    if (!Migrator(*destination).migrate(error)) {
        *error = QStringLiteral("cannot prepare the destination: %1").arg(*error);
        return false;
    }
    DatabaseCopy copy(source, *destination);
    const bool copied = copy.run(progress, error);
    if (counts)
        *counts = copy.counts();
    return copied;
}

bool DatabaseCopy::run(const Progress &progress, QString *error)
{
    QSqlDatabase source = m_source.connection();
    QSqlDatabase destination = m_destination.connection();
    if (!source.isOpen() || !destination.isOpen()) {
        *error =
            QStringLiteral("cannot open the %1 database: %2")
                .arg(source.isOpen() ? QStringLiteral("destination") : QStringLiteral("source"),
                     describe(source.isOpen() ? destination.lastError() : source.lastError()));
        return false;
    }
    for (const QString &statement : m_destination.dialect().bulkLoadSetup())
        QSqlQuery(destination).exec(statement);
    QSqlQuery snapshot(source);
    if (!snapshot.exec(m_source.dialect().beginSnapshot())) {
        *error = QStringLiteral("cannot read the source consistently: %1")
                     .arg(describe(snapshot.lastError()));
        return false;
    }
    m_counts.clear();
    qint64 total = 0;
    for (const QString &table : tables()) {
        TableCount counted{table};
        if (!count(source, table, &counted.source, error) ||
            !count(destination, table, &counted.destination, error))
            return false;
        if (counted.destination != 0) {
            *error = QStringLiteral("the destination is not empty (%1 has %2 rows); copy into a "
                                    "new database")
                         .arg(table)
                         .arg(counted.destination);
            return false;
        }
        total += counted.source;
        m_counts << counted;
    }
    qint64 done = 0;
    if (progress && !progress(done, total)) {
        *error = QStringLiteral("cancelled");
        return false;
    }
    for (const QString &table : tables()) {
        if (!copyTable(table, done, total, progress, error))
            return false;
    }
    snapshot.exec(QStringLiteral("COMMIT"));
    bool same = true;
    for (TableCount &counted : m_counts) {
        if (!count(destination, counted.table, &counted.destination, error))
            return false;
        same = same && counted.destination == counted.source;
    }
    if (!same)
        *error = QStringLiteral("the row counts differ after the copy");
    return same;
}

bool DatabaseCopy::copyTable(const QString &table, qint64 &done, qint64 total,
                             const Progress &progress, QString *error)
{
    QSqlDatabase source = m_source.connection();
    QSqlDatabase destination = m_destination.connection();
    QSqlQuery read(source);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT * FROM ") + table)) {
        *error = QStringLiteral("cannot read %1: %2").arg(table, describe(read.lastError()));
        return false;
    }
    QStringList columns;
    for (int i = 0; i < read.record().count(); ++i)
        columns << read.record().fieldName(i);
    // Attachment pieces are 1 MiB each: one per statement (MySQL's packet
    // limit) and a few per transaction.
    const bool pieces = table == QLatin1String("attachment_pieces");
    const int perStatement = pieces ? 1 : rowsPerStatement;
    const int perTransaction = pieces ? 16 : rowsPerTransaction;

    QSqlQuery fullBatch(destination);
    bool fullPrepared = false;
    QVariantList pending;
    int pendingRows = 0;
    int rowsInTransaction = 0;
    const auto flush = [&]() -> bool {
        if (pendingRows == 0)
            return true;
        QSqlQuery partial(destination);
        QSqlQuery &insert = pendingRows == perStatement ? fullBatch : partial;
        if (pendingRows == perStatement && !fullPrepared)
            fullPrepared = fullBatch.prepare(insertStatement(table, columns, perStatement));
        else if (pendingRows != perStatement)
            partial.prepare(insertStatement(table, columns, pendingRows));
        for (const QVariant &value : std::as_const(pending))
            insert.addBindValue(value);
        if (!insert.exec()) {
            *error = QStringLiteral("cannot write %1: %2").arg(table, describe(insert.lastError()));
            return false;
        }
        done += pendingRows;
        rowsInTransaction += pendingRows;
        pending.clear();
        pendingRows = 0;
        if (rowsInTransaction >= perTransaction) {
            destination.commit();
            destination.transaction();
            rowsInTransaction = 0;
            if (progress && !progress(done, total)) {
                *error = QStringLiteral("cancelled");
                return false;
            }
        }
        return true;
    };

    destination.transaction();
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i) {
            // SQLite may hand an empty text back as a null QString or
            // QByteArray, which the MySQL driver would write as NULL: only
            // SQL NULL stays NULL.
            const QVariant value = read.value(i);
            const bool emptyText =
                (value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull()) ||
                (value.metaType() == QMetaType::fromType<QByteArray>() &&
                 value.toByteArray().isNull());
            pending << (!read.isNull(i) && emptyText ? QVariant(QStringLiteral("")) : value);
        }
        if (++pendingRows == perStatement && !flush()) {
            destination.rollback();
            return false;
        }
    }
    if (read.lastError().isValid()) {
        *error = QStringLiteral("cannot read %1: %2").arg(table, describe(read.lastError()));
        destination.rollback();
        return false;
    }
    if (!flush()) {
        destination.rollback();
        return false;
    }
    if (!destination.commit()) {
        *error =
            QStringLiteral("cannot write %1: %2").arg(table, describe(destination.lastError()));
        return false;
    }
    if (progress && !progress(done, total)) {
        *error = QStringLiteral("cancelled");
        return false;
    }
    return true;
}

} // namespace hearth
