#!/usr/bin/env bash
# Proves docker/Dockerfile without a Docker engine: makes the Debian 12 base
# with debootstrap, imports it as debian:bookworm-slim, builds the image with
# buildah (chroot isolation), runs its entry point and checks /health and a
# login from the host. Needs root and Debian's mirror; installs buildah and
# debootstrap (scripts/install-deps.sh image).
# Skips, saying why, where it cannot run. Slow (a full build): ctest label heavy.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $(id -u) -eq 0 ]]; then
    scripts/install-deps.sh image --verify >/dev/null
fi
if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: buildah with chroot isolation needs root here"
    exit 0
fi
export STORAGE_DRIVER=${STORAGE_DRIVER:-vfs}
work=${HEARTH_IMAGE_WORK:-/var/tmp/hearth-image}
base=docker.io/library/debian:bookworm-slim
mkdir -p "$work"

if ! buildah inspect --type image "$base" >/dev/null 2>&1; then
    echo "== making the base image with debootstrap"
    rm -rf "$work/rootfs"
    debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
    rm -rf "$work/rootfs/var/lib/apt/lists/"* "$work/rootfs/var/cache/apt/archives/"*.deb
    container=$(buildah from scratch)
    mountpoint=$(buildah mount "$container")
    cp -a "$work/rootfs/." "$mountpoint/"
    buildah umount "$container" >/dev/null
    buildah commit --quiet "$container" "$base" >/dev/null
    buildah rm "$container" >/dev/null
fi

echo "== building the image"
start=$(date +%s)
buildah bud --pull=never --isolation chroot --layers=false -f docker/Dockerfile -t localhost/hearth:test . >"$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log"; exit 1; }
echo "built in $(($(date +%s) - start)) s"
buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' localhost/hearth:test

echo "== running it"
port=$((20000 + RANDOM % 20000))
container=$(buildah from localhost/hearth:test)
cleanup() {
    if [[ -n "${pid:-}" ]]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    buildah rm "$container" >/dev/null 2>&1 || true
}
trap cleanup EXIT
# chroot isolation shares the host's network: the port is the host's.
buildah run --isolation chroot \
    --env SERVER_PORT=$port --env HEARTH_ADMIN_EMAIL=image@example.com \
    --env HEARTH_ADMIN_PASSWORD=image-password --env HEARTH_DATA_DIR=/data \
    "$container" -- /usr/bin/hearth-server >"$work/run.log" 2>&1 &
pid=$!
scripts/wait-health.sh "$port" 30
login=$(curl -fsS -H 'Content-Type: application/json' \
    -d '{"email":"image@example.com","password":"image-password"}' \
    "http://127.0.0.1:$port/v1/auth/login")
[[ "$login" == *accessToken* ]] || { echo "login failed: $login"; exit 1; }
echo "login answered with an access token"
grep -q '"level":"info"' "$work/run.log" || { echo "no JSON logs"; cat "$work/run.log"; exit 1; }
page=$(curl -fsS -H 'Accept: text/html' "http://127.0.0.1:$port/")
[[ "$page" == *'src="/js/main.js"'* ]] || { echo "no web client at /: $page"; exit 1; }
echo "the web client is served at /"
# A WebP picture: Qt's image plugins are in the image too.
token=$(sed -E 's/.*"accessToken":"([^"]+)".*/\1/' <<<"$login")
webp=UklGRjwAAABXRUJQVlA4IDAAAADQAQCdASoCAAIAAgA0JaACdLoB+AADsAD+8MQL/yC5YXXI1/8gP+QH/ID/+PIAAAA=
picture=$(base64 -d <<<"$webp" | curl -fsS -H "Authorization: Bearer $token" --data-binary @- \
    "http://127.0.0.1:$port/v1/attachments?name=red.webp")
[[ "$picture" == *'"mediaType":"image/webp"'* ]] || { echo "WebP upload failed: $picture"; exit 1; }
echo "a WebP attachment is stored"
echo "image OK"
