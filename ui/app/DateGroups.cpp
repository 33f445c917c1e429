#include "app/DateGroups.h"

#include <QtCore/QCoreApplication>

namespace hearth::ui {

DateGroup dateGroupOf(const QDateTime &updated, const QDateTime &now)
{
    const qint64 days = updated.toLocalTime().date().daysTo(now.toLocalTime().date());
    if (days <= 0)
        return DateGroup::Today;
    if (days == 1)
        return DateGroup::Yesterday;
    if (days < 7)
        return DateGroup::LastSevenDays;
    return DateGroup::Older;
}

QString dateGroupTitle(DateGroup group)
{
    switch (group) {
    case DateGroup::Today:
        return QCoreApplication::translate("hearth::ui::DateGroups", "Today");
    case DateGroup::Yesterday:
        return QCoreApplication::translate("hearth::ui::DateGroups", "Yesterday");
    case DateGroup::LastSevenDays:
        return QCoreApplication::translate("hearth::ui::DateGroups", "Last 7 days");
    case DateGroup::Older:
        return QCoreApplication::translate("hearth::ui::DateGroups", "Older");
    }
    return {};
}

} // namespace hearth::ui
