#!/usr/bin/env bash
# Waits until a Hearth server on this machine answers /health, then prints
# the answer; fails after `seconds` (default 30). Used by the scripts that
# start a packaged or containerized server.
#   scripts/wait-health.sh PORT [SECONDS]
set -euo pipefail
port=$1
tries=$((${2:-30} * 5))
for _ in $(seq 1 "$tries"); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/health"
echo
