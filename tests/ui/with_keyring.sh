#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME
# keyring in a throwaway home folder: a real Secret Service for the tests
# that keep sign-ins in the system keychain.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/run"
HOME=$home XDG_DATA_HOME=$home/share XDG_RUNTIME_DIR=$home/run \
    dbus-run-session -- sh -c 'printf hearth-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@"
