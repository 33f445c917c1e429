#!/usr/bin/env bash
# The compose file is valid with the secrets set (PostgreSQL and the mysql
# profile), and refuses to start with .env.example's empty ones.
set -euo pipefail
cd "$(dirname "$0")/../../docker"
if ! command -v docker-compose >/dev/null; then
    echo "SKIP: docker-compose is not installed (scripts/install-deps.sh test installs it)"
    # Under the test command a missing package is a failure, not a skip.
    [[ -z ${HEARTH_TEST_STRICT:-} ]] || exit 1
    exit 0
fi
env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
cat >"$env_file" <<'VALUES'
JWT_SECRET=0123456789abcdef0123456789abcdef0123456789
HEARTH_SECRET_KEY=a2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2s=
DB_PASSWORD=a-database-password
VALUES
docker-compose -f docker-compose.yml --env-file "$env_file" config -q
services=$(docker-compose -f docker-compose.yml --env-file "$env_file" --profile mysql config --services | sort | tr '\n' ' ')
[[ "$services" == "hearth mariadb nginx postgres " ]] || { echo "unexpected services: $services"; exit 1; }
if docker-compose -f docker-compose.yml --env-file .env.example config -q 2>/dev/null; then
    echo "compose accepted .env.example's empty secrets"
    exit 1
fi
echo "compose file valid; empty secrets refused"
