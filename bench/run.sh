#!/usr/bin/env bash
# The relay benchmark, one command: bench/run.sh
#
# On loopback, with one stand-in model provider (hearth-bench-upstream)
# behind every peer, measures side by side: the provider directly, Hearth
# (hearth-server, OpenAI-compatible route, a personal API key), Debian's
# nginx-light as a plain proxy hop (proxy_buffering off, upstream
# keep-alive) and the Portkey gateway from npm. Prints one Markdown table
# (also kept in $HEARTH_BENCH_WORK/table.md). See bench/README.md.
#
# Knobs: HEARTH_BENCH_SECONDS (wrk runs, default 5), HEARTH_BENCH_STREAMS
# (streamed requests per peer, default 100), HEARTH_BENCH_WORK (scratch
# folder, default /var/tmp/hearth-bench), HEARTH_BENCH_NGINX_WORKERS
# (default 1, like Hearth's one server thread). Extra HEARTH_* variables
# reach hearth-server as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/install-deps.sh bench
build=${HEARTH_BUILD_DIR:-build}
if [[ ! -f $build/build.ninja ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target hearth-server hearth-bench-upstream >/dev/null

work=${HEARTH_BENCH_WORK:-/var/tmp/hearth-bench}
mkdir -p "$work"
if ! cmp -s bench/portkey/package.json "$work/portkey/package.json" ||
    [[ ! -f $work/portkey/node_modules/@portkey-ai/gateway/build/start-server.js ]]; then
    echo "installing the Portkey gateway (npm)…" >&2
    rm -rf "$work/portkey" && mkdir -p "$work/portkey"
    cp bench/portkey/package.json "$work/portkey/"
    (cd "$work/portkey" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
portkey_server=$work/portkey/node_modules/@portkey-ai/gateway/build/start-server.js

free_port() { free_ports 1; }
# Distinct free ports: all probes stay bound until every port is known, since
# a port released before the next probe may be handed out again.
free_ports() { # count
    python3 -c 'import socket, sys
probes = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in probes:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in probes))' "$1"
}
wait_port() { # port
    for _ in $(seq 1 3000); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.01
    done
    echo "nothing listens on port $1" >&2
    return 1
}

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"

upstream_port=$(free_port)
"$build/tests/bench/hearth-bench-upstream" --port="$upstream_port" >/dev/null &
upstream_pid=$!
pids+=("$upstream_pid")
wait_port "$upstream_port"

hearth_env=(
    HEARTH_DATA_DIR="$work/hearth-data" OPENAI_API_BASE_URL="http://127.0.0.1:$upstream_port/v1"
    HEARTH_ADMIN_EMAIL=bench@example.com HEARTH_ADMIN_PASSWORD=bench-password-1
    HEARTH_CHAT_RATE_LIMIT=off HEARTH_OLLAMA_URL=off
    HEARTH_MAX_CONNECTIONS=20000 HEARTH_MAX_CONNECTIONS_PER_ADDRESS=20000
)
rm -rf "$work/hearth-data"
hearth_port=$(free_port)
env "${hearth_env[@]}" "$build/bin/hearth-server" --port "$hearth_port" >"$work/hearth.log" 2>&1 &
hearth_pid=$!
pids+=("$hearth_pid")
wait_port "$hearth_port"

nginx_conf() { # port prefix
    mkdir -p "$2"
    cat >"$2/nginx.conf" <<EOF
worker_processes ${HEARTH_BENCH_NGINX_WORKERS:-1};
worker_rlimit_nofile 40000;
pid $2/nginx.pid;
error_log $2/error.log warn;
events { worker_connections 20000; }
http {
    access_log off;
    client_body_temp_path $2/body;
    proxy_temp_path $2/proxy;
    fastcgi_temp_path $2/fastcgi;
    uwsgi_temp_path $2/uwsgi;
    scgi_temp_path $2/scgi;
    upstream provider { server 127.0.0.1:$upstream_port; keepalive 512; }
    server {
        listen 127.0.0.1:$1;
        location / {
            proxy_pass http://provider;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }
    }
}
EOF
}
nginx_port=$(free_port)
nginx_conf "$nginx_port" "$work/nginx"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon off;' &
nginx_pid=$!
pids+=("$nginx_pid")
wait_port "$nginx_port"

portkey_port=$(free_port)
node "$portkey_server" --port="$portkey_port" >"$work/portkey.log" 2>&1 &
portkey_pid=$!
pids+=("$portkey_pid")
wait_port "$portkey_port"

# A personal API key, as an OpenAI SDK would use; then wait for the
# provider's models to be listed.
token=$(curl -fsS "http://127.0.0.1:$hearth_port/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-1"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
key=$(curl -fsS "http://127.0.0.1:$hearth_port/v1/me/api-keys" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"bench"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
for _ in $(seq 1 500); do
    curl -fsS "http://127.0.0.1:$hearth_port/v1/models" -H "Authorization: Bearer $key" |
        grep -q bench-60-1000 && break
    sleep 0.01
done

peers=$(python3 - "$upstream_port" "$upstream_pid" "$hearth_port" "$hearth_pid" "$key" \
    "$nginx_port" "$nginx_pid" "$portkey_port" "$portkey_pid" <<'EOF'
import json, sys
(up, up_pid, h, h_pid, key, n, n_pid, p, p_pid) = sys.argv[1:]
print(json.dumps([
    {"name": "direct", "port": int(up), "pid": int(up_pid)},
    {"name": "hearth", "port": int(h), "pid": int(h_pid),
     "headers": {"Authorization": "Bearer " + key}},
    {"name": "nginx", "port": int(n), "pid": int(n_pid)},
    {"name": "portkey", "port": int(p), "pid": int(p_pid),
     "headers": {"Authorization": "Bearer sk-bench", "x-portkey-provider": "openai",
                 "x-portkey-custom-host": "http://127.0.0.1:%s/v1" % up}},
]))
EOF
)

read -r cold_hearth cold_nginx cold_portkey < <(free_ports 3)
nginx_conf "$cold_nginx" "$work/nginx-cold"
mkdir -p "$work/hearth-cold"
cold=$(python3 - "$root/$build/bin/hearth-server" "$cold_hearth" "$work" "$cold_nginx" \
    "$cold_portkey" "$portkey_server" "$upstream_port" <<'EOF'
import json, sys
(server, h, work, n, p, portkey, up) = sys.argv[1:]
print(json.dumps({
    "hearth": {"command": [server, "--port", h], "port": int(h), "path": "/health",
               "env": {"HEARTH_DATA_DIR": work + "/hearth-cold", "HEARTH_OLLAMA_URL": "off",
                       "OPENAI_API_BASE_URL": "http://127.0.0.1:%s/v1" % up,
                       "HEARTH_ADMIN_EMAIL": "bench@example.com",
                       "HEARTH_ADMIN_PASSWORD": "bench-password-1"}},
    "nginx": {"command": ["nginx", "-c", work + "/nginx-cold/nginx.conf", "-p",
                          work + "/nginx-cold", "-g", "daemon off;"],
              "port": int(n), "path": "/v1/models"},
    "portkey": {"command": ["node", portkey, "--port=" + p], "port": int(p), "path": "/"},
}))
EOF
)

python3 bench/bench.py --peers "$peers" --cold "$cold" \
    --seconds "${HEARTH_BENCH_SECONDS:-5}" --streams "${HEARTH_BENCH_STREAMS:-100}" |
    tee "$work/table.md"
