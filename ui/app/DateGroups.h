#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QString>

namespace hearth::ui {

// The sidebar's groups, newest first.
enum class DateGroup { Today, Yesterday, LastSevenDays, Older };

DateGroup dateGroupOf(const QDateTime &updated, const QDateTime &now);
QString dateGroupTitle(DateGroup group);

} // namespace hearth::ui
