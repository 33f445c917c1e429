#!/bin/sh
# Runs a command as on a desktop: an X server (Xvfb) and the xcb platform,
# inside a private D-Bus session, in a throwaway home folder. For what the
# offscreen platform cannot show, such as a tray icon.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/run"
HOME=$home XDG_RUNTIME_DIR=$home/run \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb "$@"
