#!/usr/bin/env bash
# Builds the Debian packages (hearth, hearth-server) with CPack, validates them
# (desktop-file-validate, appstreamcli, lintian: no errors or warnings), and
# with --install-test installs hearth-server with apt into a fresh Debian 12
# root (debootstrap) and checks that the packaged server answers /health.
# Packages land in build/. Installs the tools it needs (scripts/install-deps.sh
# package). The install test needs root and Debian's mirror.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${HEARTH_BUILD_DIR:-build}
scripts/install-deps.sh package --verify >/dev/null
cmake --build "$build_dir" --target hearth hearth-server >/dev/null
(cd "$build_dir" && rm -f ./*.deb && cpack -G DEB >/dev/null)
desktop-file-validate packaging/hearth.desktop
appstreamcli validate --no-net packaging/io.github.hearth_chat.Hearth.metainfo.xml >/dev/null
server_deb=$(ls "$build_dir"/hearth-server_*_amd64.deb)
desktop_deb=$(ls "$build_dir"/hearth_*_amd64.deb)
report=$(lintian --tag-display-limit 0 "$server_deb" "$desktop_deb" 2>&1 | grep -v "root privileges" || true)
if [[ -n "$report" ]]; then
    echo "$report"
    exit 1
fi
echo "packages built and clean: $(basename "$server_deb") ($(du -h "$server_deb" | cut -f1)), $(basename "$desktop_deb") ($(du -h "$desktop_deb" | cut -f1))"
[[ "${1:-}" == --install-test ]] || exit 0

if [[ $(id -u) -ne 0 ]] || ! command -v debootstrap >/dev/null; then
    echo "SKIP install test: needs root and debootstrap"
    exit 0
fi
work=${HEARTH_PACKAGE_WORK:-/var/tmp/hearth-package}
base=$work/base
if [[ ! -x $base/usr/bin/apt-get ]]; then
    rm -rf "$base"
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian >"$work.debootstrap.log" 2>&1
fi
root=$work/root
rm -rf "$root"
cp -a "$base" "$root"
cp "$server_deb" "$desktop_deb" "$root/tmp/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cleanup() {
    [[ -n "${pid:-}" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
    umount "$root/proc" 2>/dev/null || true
}
trap cleanup EXIT
chroot "$root" apt-get update -qq
DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq --no-install-recommends \
    "/tmp/$(basename "$server_deb")" "/tmp/$(basename "$desktop_deb")" >"$work.install.log" 2>&1 ||
    { tail -20 "$work.install.log"; exit 1; }
chroot "$root" getent passwd hearth >/dev/null || { echo "no hearth user"; exit 1; }
[[ $(chroot "$root" stat -c %U /var/lib/hearth) == hearth ]] || { echo "/var/lib/hearth not the service's"; exit 1; }
port=$((20000 + RANDOM % 20000))
chroot "$root" setpriv --reuid=hearth --regid=hearth --init-groups env HEARTH_DATA_DIR=/var/lib/hearth \
    SERVER_PORT=$port HEARTH_ADMIN_EMAIL=pkg@example.com HEARTH_ADMIN_PASSWORD=pkg-password \
    HEARTH_OLLAMA_URL=off /usr/bin/hearth-server >"$work.run.log" 2>&1 &
pid=$!
scripts/wait-health.sh "$port" 20
echo "hearth-server from the package serves /health"
chroot "$root" env QT_QPA_PLATFORM=offscreen hearth --headless --version
[[ -f $root/usr/share/applications/hearth.desktop ]] || { echo "no .desktop file"; exit 1; }
echo "hearth from the package runs"
