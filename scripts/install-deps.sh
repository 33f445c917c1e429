#!/usr/bin/env bash
# Installs the Debian 12 packages Hearth needs to build, run and test, and
# only those that are missing.
# Usage: scripts/install-deps.sh [build|test|bench|package|image] [--verify]
# --verify then checks that every program the build or the tests start is
# there (a renamed package, or one that no longer brings a command, fails
# here instead of turning a test into a skip).
set -euo pipefail
mode=${1:-build}
verify=false
[[ ${2:-} == --verify ]] && verify=true

build_packages=(
    g++ cmake ninja-build ccache pkg-config
    qt6-base-dev
    # Attached pictures: QImage's readers, WebP among them. Attached PDFs:
    # their text, through poppler.
    qt6-image-formats-plugins libpoppler-qt6-dev
    libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql libargon2-dev libssl-dev
    # gzip for the web client's files (Qt has only zlib's own format).
    zlib1g-dev
    # The desktop app: LinguistTools' CMake package, lupdate/lrelease, and
    # Qt's own translations (Chinese buttons in Qt dialogs).
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    # Dashboard charts, the LAN-sharing QR code, tokens of remote servers in
    # the OS keychain. Qt6Charts' CMake package needs Qt6OpenGL's, which
    # qt6-charts-dev does not pull in.
    qt6-charts-dev libqt6opengl6-dev libqrencode-dev qtkeychain-qt6-dev
    # Colours for code blocks in the desktop chat: GNU source-highlight, run
    # as a program (not linked: it is GPL).
    source-highlight
)
test_packages=(
    curl
    # The formatting check (scripts/check-format.sh).
    clang-format
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
    # The tray test: a real X server (Xvfb) for the xcb platform.
    xvfb xauth
    # The web client's browser tests: Debian's Chromium, driven by
    # playwright-core from npm (never a downloaded browser build).
    chromium
)

# bench/run.sh: the load generator and the peers it compares Hearth with.
# xvfb: the desktop benchmark and screenshots under a real X server (xcb).
bench_packages=(wrk nginx-light python3 curl xvfb xauth)
# scripts/package.sh: CPack's DEB generator, the validators, and debootstrap
# for the install test.
package_packages=(dpkg-dev desktop-file-utils appstream lintian debootstrap curl)
# docker/test-image.sh: the image built without a Docker engine.
image_packages=(buildah debootstrap curl)

# The programs those packages bring that the build and the tests start.
build_commands=(g++ cmake ninja ccache pkg-config)
test_commands=(curl clang-format clang-14 valgrind docker-compose nginx mariadbd mariadb-install-db
    dbus-run-session gnome-keyring-daemon node npm chromium source-highlight xvfb-run Xvfb)

wanted=("${build_packages[@]}")
commands=("${build_commands[@]}")
if [[ $mode == test ]]; then
    wanted+=("${test_packages[@]}")
    commands+=("${test_commands[@]}")
elif [[ $mode == bench ]]; then
    wanted+=("${bench_packages[@]}")
elif [[ $mode == package ]]; then
    wanted+=("${package_packages[@]}")
    commands+=(cpack dpkg-shlibdeps desktop-file-validate appstreamcli lintian debootstrap)
elif [[ $mode == image ]]; then
    wanted+=("${image_packages[@]}")
    commands+=(buildah debootstrap curl)
fi

# The OpenAI SDK test runs the official Node client; any Node.js 18+ will do,
# so Debian's is installed only when there is none.
if [[ $mode == test || $mode == bench ]] && ! { command -v node && command -v npm; } >/dev/null 2>&1; then
    wanted+=(nodejs npm)
fi

missing=()
for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

verify_commands() {
    $verify || return 0
    local absent=() cmd
    for cmd in "${commands[@]}"; do
        command -v "$cmd" >/dev/null || [[ -x /usr/sbin/$cmd ]] || absent+=("$cmd")
    done
    if [[ $mode == test ]] && ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
        absent+=(pg_ctl)
    fi
    if ! compgen -G '/usr/lib/*/qt6/plugins/imageformats/libqwebp.so' >/dev/null; then
        absent+=("Qt's WebP plugin")
    fi
    if [[ $mode == test ]] && ! compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK-*' >/dev/null; then
        absent+=("Noto CJK fonts")
    fi
    if ((${#absent[@]} > 0)); then
        echo "install-deps: still missing after the install: ${absent[*]}" >&2
        return 1
    fi
    echo "install-deps: every package and program for '$mode' is here"
}

if ((${#missing[@]} == 0)); then
    verify_commands
    exit
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
verify_commands
