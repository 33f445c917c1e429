#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on loopback:
# scripts/pg-test-cluster.sh start|stop DIR. Writes DIR/port. `halt` stops
# the server and keeps its data, `resume` starts it again on the same port
# (outage tests). The cluster
# itself lives in /tmp (named after DIR), where the postgres user can reach
# it wherever the build folder is.
# Runs the server as the "postgres" user when started as root (initdb
# refuses root). fsync is off: the data is disposable.
set -euo pipefail
command=$1
dir=$(realpath -m "$2")
cluster=/tmp/hearth-pg-$(printf '%s' "$dir" | md5sum | cut -c1-12)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$bin" ]]; then
    echo "PostgreSQL is not installed (scripts/install-deps.sh test installs it)" >&2
    exit 1
fi
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$command" in
start)
    if [[ -f "$cluster/data/postmaster.pid" ]]; then
        as_owner "$bin/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir" "$cluster"
    mkdir -p "$dir" "$cluster"
    [[ $(id -u) -eq 0 ]] && chown postgres "$cluster"
    as_owner "$bin/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    for attempt in 1 2 3 4 5; do
        port=$((20000 + (RANDOM % 20000)))
        if as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 30 \
            -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null; then
            echo "$port" >"$dir/port"
            echo "PostgreSQL test cluster on 127.0.0.1:$port ($cluster)"
            exit 0
        fi
    done
    cat "$cluster/server.log" >&2
    exit 1
    ;;
halt)
    as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null
    ;;
resume)
    port=$(cat "$dir/port")
    as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 30 \
        -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null
    ;;
stop)
    if [[ -f "$cluster/data/postmaster.pid" ]]; then
        as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$cluster"
    echo "PostgreSQL test cluster stopped"
    ;;
*)
    echo "usage: $0 start|halt|resume|stop DIR" >&2
    exit 2
    ;;
esac
