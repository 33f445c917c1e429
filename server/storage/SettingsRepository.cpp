#include "storage/SettingsRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlRun.h"

namespace hearth {

Outcome<QHash<QString, QString>> SettingsRepository::all()
{
    SqlRun q(m_db, QStringLiteral("SELECT \"key\", value FROM settings"));
    if (!q.exec())
        return q.error();
    QHash<QString, QString> values;
    while (q.next())
        values.insert(q.value(0).toString(), q.value(1).toString());
    return values;
}

Outcome<Done> SettingsRepository::set(const QString &key, const QString &value)
{
    SqlRun q(m_db, m_db.dialect().upsert(QStringLiteral("settings"), QStringLiteral("\"key\""),
                                         {QStringLiteral("value")}));
    q.bind(key).bind(value);
    if (!q.exec())
        return q.error();
    return Done{};
}

} // namespace hearth
