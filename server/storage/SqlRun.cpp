#include "storage/SqlRun.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QtCore/QLoggingCategory>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlDriver>
#include <QtSql/QSqlError>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace hearth {

SqlRun::SqlRun(Database &db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
    , m_statement(db.lendStatement(sql))
{
    m_connectionLost = !m_statement.query.driver() || !m_statement.query.driver()->isOpen();
}

SqlRun::~SqlRun()
{
    // Resets the statement: an SQLite statement left mid-result would hold a
    // read snapshot (and stop checkpoints) until its next use.
    m_statement.query.finish();
    m_db.returnStatement(m_sql, std::move(m_statement));
}

SqlRun &SqlRun::bind(const QVariant &value)
{
    // A null QString binds as SQL NULL; text columns are NOT NULL, so only a
    // deliberate nullIfEmpty() (a null QVariant) may produce NULL.
    if (!value.isNull() && value.metaType() == QMetaType::fromType<QString>() &&
        value.toString().isNull()) {
        m_statement.query.bindValue(m_nextBind++, QStringLiteral(""));
        return *this;
    }
    m_statement.query.bindValue(m_nextBind++, value);
    return *this;
}

bool SqlRun::exec()
{
    if (m_connectionLost)
        return false;
    if (m_statement.prepared && m_statement.query.exec())
        return true;
    const QSqlError err = m_statement.query.lastError();
    m_connectionLost = m_db.dialect().isConnectionLost(err);
    if (m_connectionLost)
        m_db.dropConnection(); // the next statement reconnects
    if (!isUniqueViolation())
        qCWarning(lcStorage).noquote()
            << "query failed:" << err.driverText() << err.databaseText() << "in" << m_sql.left(120);
    return false;
}

bool SqlRun::isUniqueViolation() const
{
    const QSqlError err = m_statement.query.lastError();
    const QString text = err.databaseText() + err.driverText();
    return text.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("duplicate"), Qt::CaseInsensitive);
}

ApiError SqlRun::error() const
{
    return m_connectionLost ? ApiError::unavailable() : ApiError::internal();
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullIfZero(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

} // namespace hearth
