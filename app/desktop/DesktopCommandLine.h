#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace hearth {

// What `hearth …` was asked to do, decided before any window system is
// touched: --help and --version print and leave even without a display.
struct DesktopCommandLine
{
    enum class Action { RunWindow, RunHeadless, ShowHelp, ShowVersion, Fail };
    Action action = Action::RunWindow;
    QString error; // Fail: what was wrong, in one sentence
};

// `arguments` as in QCoreApplication::arguments() (the program first). Qt's
// own options (-platform, -style, …) pass through to QApplication.
// Needs no QCoreApplication.
DesktopCommandLine parseDesktopCommandLine(const QStringList &arguments);
// The --help text; needs a QCoreApplication (it names the program).
QString desktopHelpText();

} // namespace hearth
