#!/usr/bin/env bash
# Load test of the real server with wrk on loopback: a public JSON reply, a scoped enterprise page, and
# the target matrix. Usage: bench/http_load.sh [build/shuzhuan]. Bounded: 10 s per endpoint, loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/shuzhuan}
dir=$(mktemp -d /tmp/sz-bench.XXXXXX)
port=$((30000 + RANDOM % 10000))
"$(dirname "$bin")/shuzhuan-demo" --db "sqlite:$dir/b.db" >/dev/null
"$bin" serve --db "sqlite:$dir/b.db" --port "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' -d '{"username":"gongyi","password":"Demo@2024"}' |
  sed -E 's/.*"token":"([^"]+)".*/\1/')
run() {
  echo "### $1"
  shift
  wrk -t2 -c64 -d10s --latency "$@" | grep -E 'Requests/sec|50%|99%|Non-2xx'
}
run "GET /api/v1/health (store: schema version)" "http://127.0.0.1:$port/api/v1/health"
run "GET /api/v1/enterprises?page_size=20 as 巩义专班 (session check + scoped page + count)" \
  -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/enterprises?page_size=20"
run "GET /api/v1/targets (12×4 matrix + consistency check)" "http://127.0.0.1:$port/api/v1/targets"
