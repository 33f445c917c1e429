#!/usr/bin/env bash
# Runs a command in a brand-new Debian 12 root (debootstrap, chroot): nothing
# installed but the base system, as on a new user's machine. A package that
# only this machine happens to have, or a file that is not committed, fails
# here as it would there. CI runs it before the tests (.ci/run).
#
#   scripts/fresh-root.sh                       # the set-up check (below)
#   scripts/fresh-root.sh scripts/test.sh       # the whole README test command
#   HEARTH_FRESH_KEEP=1 scripts/fresh-root.sh   # keep the root to look inside
#
# Needs root. The committed tree (git archive HEAD, not uncommitted changes)
# is copied to /src in the new root. The base root is made once with
# debootstrap from this machine's Debian mirror and kept as a tarball in
# $HEARTH_FRESH_CACHE (default /var/cache/hearth-fresh-root). Downloaded .deb
# files are shared with this machine's apt cache, for speed only.
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cache=${HEARTH_FRESH_CACHE:-/var/cache/hearth-fresh-root}

if [[ $(id -u) -ne 0 ]]; then
    echo "fresh-root: needs root (debootstrap, chroot, mounts)" >&2
    exit 2
fi
if ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

debian_mirror() {
    local uri
    uri=$(awk '/^URIs:/ && /debian\/?$/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    [[ -n $uri ]] || uri=$(awk '/^deb / && $2 ~ /debian\/?$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    echo "${uri:-http://deb.debian.org/debian}"
}

base_tar=$cache/bookworm-minbase.tar
mkdir -p "$cache"
if [[ ! -f $base_tar ]]; then
    echo "fresh-root: making the Debian 12 base root once (debootstrap)..." >&2
    base=$(mktemp -d "$cache/base.XXXXXX")
    if ! debootstrap --variant=minbase bookworm "$base" "$(debian_mirror)" >"$cache/debootstrap.log" 2>&1; then
        echo "fresh-root: debootstrap failed, see $cache/debootstrap.log" >&2
        rm -rf "$base"
        exit 2
    fi
    # The Debian suites this machine uses (updates, security), so versions
    # match a current install; other vendors' repositories stay out.
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
        cp /etc/apt/sources.list.d/debian.sources "$base/etc/apt/sources.list.d/"
        rm -f "$base/etc/apt/sources.list"
    fi
    tar -C "$base" -cf "$base_tar.tmp" . && mv "$base_tar.tmp" "$base_tar"
    rm -rf "$base"
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/hearth-fresh-root.XXXXXX")
cleanup() {
    # Anything the command left running inside the root goes with it.
    local pid
    for pid in /proc/[0-9]*; do
        if [[ $(readlink "$pid/root" 2>/dev/null) == "$root" ]]; then
            kill -9 "${pid#/proc/}" 2>/dev/null || true
        fi
    done
    local m
    for m in var/cache/apt/archives dev/shm dev/pts sys proc; do
        if mountpoint -q "$root/$m"; then umount -l "$root/$m"; fi
    done
    if [[ -n ${HEARTH_FRESH_KEEP:-} ]]; then
        echo "fresh-root: root kept at $root" >&2
    else
        rm -rf "$root"
    fi
}
trap cleanup EXIT

tar -C "$root" -xf "$base_tar"
# mktemp made both the base and this folder 0700 (tar brings the base's mode
# back): inside, "/" would shut out every user but root, and PostgreSQL and
# MariaDB run as their own.
chmod 755 "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# The root shares this machine's network: a daemon that a package's install
# script starts (PostgreSQL, MariaDB, Nginx) would take this machine's ports
# and outlive the check. Containers say no the same way.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
# The root is thrown away: dpkg need not sync every file it unpacks (as in
# container builds). What gets installed is the same.
echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/hearth-fresh-root"
mkdir -p "$root/src"
git -C "$top" archive HEAD | tar -x -C "$root/src"

mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mkdir -p "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
if [[ ${HEARTH_FRESH_APT_CACHE:-1} != 0 && -d /var/cache/apt/archives ]]; then
    mount --bind /var/cache/apt/archives "$root/var/cache/apt/archives"
fi

if (($# == 0)); then
    # The README's set-up up to the build, for both commands: what
    # scripts/run.sh installs is enough for CMake to find every library,
    # and what scripts/test.sh installs brings every program the tests
    # start. The full build and test run is `scripts/fresh-root.sh
    # scripts/test.sh`.
    set -- bash -c 'set -e
        scripts/install-deps.sh build --verify
        if ! cmake -S . -B /tmp/fresh-build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            >/tmp/configure.log 2>&1; then
            cat /tmp/configure.log
            exit 1
        fi
        echo "fresh-root: configured with the build packages alone"
        scripts/install-deps.sh test --verify'
fi
start=$(date +%s)
rc=0
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb CI=true DEBIAN_FRONTEND=noninteractive \
    /bin/bash -c 'cd /src && "$@"' fresh-root "$@" || rc=$?
seconds=$(($(date +%s) - start))
if ((rc == 0)); then
    echo "fresh-root: PASS in $seconds s"
else
    echo "fresh-root: FAIL (exit $rc) in $seconds s"
fi
exit $rc
