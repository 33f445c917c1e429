#include "app/Theme.h"

#include <QtGui/QPalette>
#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>
#include <QtWidgets/QStyleFactory>
#include <QtWidgets/QWidget>

namespace hearth::ui {

namespace {
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Mid, QColor(0x5f, 0x63, 0x68));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x40, 0x43));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x51));
    p.setColor(QPalette::Dark, QColor(0x17, 0x18, 0x1a));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x86, 0x8b));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x86, 0x8b));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x86, 0x8b));
    return p;
}

// Windows with a style sheet keep the palette they were polished with;
// setting the sheet again polishes them with the new one.
void repolishWindows()
{
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (!window->styleSheet().isEmpty())
            window->setStyleSheet(window->styleSheet());
    }
}
} // namespace

namespace {
QString applied;
bool systemDark = false;
} // namespace

QString applyTheme(const QString &theme)
{
    static const QString platformStyle = QApplication::style()->name();
    static bool forced = false;
    const bool system = theme != QLatin1String("dark") && theme != QLatin1String("light");
    applied = system ? QStringLiteral("system") : theme;
    const QString look = system && systemDark ? QStringLiteral("dark") : theme;
    if (look == QLatin1String("dark") || look == QLatin1String("light")) {
        forced = true;
        // Fusion draws every control from the palette, so a forced theme
        // looks the same everywhere.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(look == QLatin1String("dark")
                                     ? darkPalette()
                                     : QApplication::style()->standardPalette());
        repolishWindows();
        return applied;
    }
    if (forced) { // leave the platform's own palette alone unless we replaced it
        QApplication::setStyle(QStyleFactory::create(platformStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        forced = false;
    }
    repolishWindows();
    return applied;
}

void setSystemPrefersDark(bool dark)
{
    if (dark == systemDark)
        return;
    systemDark = dark;
    if (applied == QLatin1String("system"))
        applyTheme(applied);
}

} // namespace hearth::ui
