#!/usr/bin/env bash
# One command to try Hearth: installs what is missing, builds, and starts it.
# With a display it opens the desktop app; without one it runs the headless
# server on http://127.0.0.1:8080 with SQLite in ~/.local/share/hearth.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build --verify
scripts/build.sh
build_dir=${HEARTH_BUILD_DIR:-build}
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x "$build_dir/bin/hearth" ]]; then
    exec "$build_dir/bin/hearth" "$@"
fi
exec "$build_dir/bin/hearth-server" "$@"
