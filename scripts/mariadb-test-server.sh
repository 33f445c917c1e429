#!/usr/bin/env bash
# A throwaway MariaDB server for the tests, on loopback:
# scripts/mariadb-test-server.sh start|stop DIR. Writes DIR/port. `halt`
# stops the server and keeps its data, `resume` starts it again on the same
# port (outage tests). The account
# hearth/hearth may create and drop databases. The data lives in /tmp (named
# after DIR) and is owned by the "mysql" user when started as root.
# Durability is off: the data is disposable.
set -euo pipefail
command=$1
dir=$(realpath -m "$2")
data_root=/tmp/hearth-maria-$(printf '%s' "$dir" | md5sum | cut -c1-12)
socket=$data_root/mysqld.sock
if ! command -v mariadbd >/dev/null && [[ ! -x /usr/sbin/mariadbd ]]; then
    echo "MariaDB is not installed (scripts/install-deps.sh test installs it)" >&2
    exit 1
fi
daemon=$(command -v mariadbd || echo /usr/sbin/mariadbd)
run_as=()
if [[ $(id -u) -eq 0 ]]; then run_as=(--user=mysql); fi

stop_server() {
    if [[ -f "$data_root/mysqld.pid" ]]; then
        local pid
        pid=$(cat "$data_root/mysqld.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
}

# Starts the server on port $1; true once it answers on its socket, false
# when it died (the port was taken) or never became ready.
launch() {
    "$daemon" --no-defaults "${run_as[@]}" --datadir="$data_root/data" --port="$1" \
        --bind-address=127.0.0.1 --socket="$socket" --pid-file="$data_root/mysqld.pid" \
        --skip-name-resolve --skip-log-bin --max-connections=400 \
        --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=0 \
        --innodb-doublewrite=0 --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_bin --log-error="$data_root/server.log" \
        >/dev/null 2>&1 </dev/null &
    local pid=$!
    for _ in $(seq 1 300); do
        if mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

case "$command" in
start)
    stop_server
    rm -rf "$dir" "$data_root"
    mkdir -p "$dir" "$data_root/data"
    [[ $(id -u) -eq 0 ]] && chown -R mysql "$data_root"
    mariadb-install-db --no-defaults "${run_as[@]}" --datadir="$data_root/data" \
        --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1
    for attempt in 1 2 3 4 5; do
        port=$((20000 + (RANDOM % 20000)))
        if launch "$port"; then
            mariadb --no-defaults --socket="$socket" -uroot -e \
                "CREATE USER 'hearth'@'127.0.0.1' IDENTIFIED BY 'hearth';
                 GRANT ALL ON *.* TO 'hearth'@'127.0.0.1' WITH GRANT OPTION;"
            echo "$port" >"$dir/port"
            echo "MariaDB test server on 127.0.0.1:$port ($data_root)"
            exit 0
        fi
        stop_server
    done
    cat "$data_root/server.log" >&2 || true
    exit 1
    ;;
halt)
    stop_server
    ;;
resume)
    launch "$(cat "$dir/port")" || { cat "$data_root/server.log" >&2; exit 1; }
    ;;
stop)
    stop_server
    rm -rf "$data_root"
    echo "MariaDB test server stopped"
    ;;
*)
    echo "usage: $0 start|halt|resume|stop DIR" >&2
    exit 2
    ;;
esac
