#!/usr/bin/env bash
# Installs the Debian 12 packages Hearth needs to build, run and test, and
# only those that are missing. Usage: scripts/install-deps.sh [build|test|bench]
set -euo pipefail

build_packages=(
    g++ cmake ninja-build ccache pkg-config
    qt6-base-dev
    libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql libargon2-dev libssl-dev
    # The desktop app: LinguistTools' CMake package, lupdate/lrelease, and
    # Qt's own translations (Chinese buttons in Qt dialogs).
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    # Dashboard charts, the LAN-sharing QR code, tokens of remote servers in
    # the OS keychain.
    qt6-charts-dev libqrencode-dev qtkeychain-qt6-dev
)
test_packages=(
    curl
    # The fuzz targets: clang with libFuzzer and the sanitizers.
    clang-14 libclang-rt-14-dev
    # hearth-server under memcheck while clients leave mid-stream.
    valgrind
    # Chinese in the UI tests' screenshots.
    fonts-noto-cjk
    # The API suite also runs against a real PostgreSQL and a real MariaDB
    # (throwaway servers in /tmp, started by the tests).
    postgresql mariadb-server
    # The deployment checks: the compose file and the Nginx front.
    docker-compose nginx-light
    # A real Secret Service (keychain) in a private D-Bus session.
    gnome-keyring dbus-daemon
)

# bench/run.sh: the load generator and the peers it compares Hearth with.
bench_packages=(wrk nginx-light python3 curl)

wanted=("${build_packages[@]}")
if [[ "${1:-build}" == test ]]; then
    wanted+=("${test_packages[@]}")
elif [[ "${1:-build}" == bench ]]; then
    wanted+=("${bench_packages[@]}")
fi

# The OpenAI SDK test runs the official Node client; any Node.js 18+ will do,
# so Debian's is installed only when there is none.
if [[ "${1:-build}" != build ]] && ! { command -v node && command -v npm; } >/dev/null 2>&1; then
    wanted+=(nodejs npm)
fi

missing=()
for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "Installing: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The tests start their own Nginx; Debian's would take port 80 on this machine.
if [[ " ${missing[*]} " == *" nginx-light "* ]] && command -v systemctl >/dev/null &&
    [[ -d /run/systemd/system ]]; then
    "${sudo_cmd[@]}" systemctl disable --now nginx >/dev/null 2>&1 || true
fi
