#include "app/AppStyle.h"

namespace hearth::ui {

QString appStyleSheet()
{
    return QStringLiteral(
        // The rail: pages as quiet buttons, the open one marked.
        "#navRail { background: palette(window); border: none;"
        " border-right: 1px solid palette(midlight); min-width: 76px; max-width: 96px; }"
        "#navRail QToolButton { border: none; border-radius: 8px; padding: 8px 6px; }"
        "#navRail QToolButton:hover { background: palette(midlight); }"
        "#navRail QToolButton:checked { background: palette(highlight);"
        " color: palette(highlighted-text); }"
        // The sidebar: no frames; rows with hover and selection.
        "#conversationList { background: transparent; outline: none; }"
        "#conversationList::item { padding: 6px 8px; border-radius: 6px; }"
        "#conversationList::item:hover { background: palette(midlight); }"
        "#conversationList::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"
        // Messages: the user's in a rounded bubble, replies as plain text.
        "#userCard { background: palette(alternate-base); border: 1px solid palette(midlight);"
        " border-radius: 14px; }"
        "#roleMark { color: palette(placeholder-text); font-weight: 600; }"
        "#messageActions QToolButton { color: palette(placeholder-text); border: none;"
        " border-radius: 4px; padding: 2px 6px; }"
        "#messageActions QToolButton:hover { background: palette(midlight);"
        " color: palette(text); }"
        "#messageNote { color: palette(placeholder-text); font-style: italic; }"
        "#codeBlock { background: palette(window); border: 1px solid palette(midlight);"
        " border-radius: 8px; }"
        "#codeLanguage { color: palette(placeholder-text); font-size: 11px; }"
        "#placeholder { color: palette(placeholder-text); font-size: 15px; }"
        // The composer: one rounded field with its buttons inside.
        "#composerFrame { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 18px; }"
        "#composerFrame QPlainTextEdit { border: none; background: transparent; }"
        "#attachButton { border: none; border-radius: 14px; padding: 6px 10px; }"
        "#attachButton:hover { background: palette(midlight); }"
        "#sendButton { border: none; border-radius: 14px; padding: 6px 16px;"
        " background: palette(highlight); color: palette(highlighted-text); }"
        "#sendButton:disabled { background: palette(midlight); color: palette(mid); }"
        "#errorBanner { color: #8c1d18; background: #fdecea; border: 1px solid #f2b8b5;"
        " border-radius: 6px; padding: 8px; }"
        // The first run's card.
        "#connectCard { background: palette(alternate-base); border: 1px solid palette(midlight);"
        " border-radius: 12px; }"
        "#connectTitle { font-size: 20px; font-weight: 600; }"
        "#connectStatus[problem=\"true\"] { color: #b3261e; }"
        "#connectChoice { border: 1px solid palette(mid); border-radius: 6px;"
        " padding: 6px 14px; background: palette(button); }"
        "#connectChoice:hover { border-color: palette(highlight); }"
        "#connectChoice:checked { border: 2px solid palette(highlight); padding: 5px 13px;"
        " background: palette(base); }");
}

} // namespace hearth::ui
