#!/usr/bin/env bash
# Import benchmark alone: a ROWS-row .xlsx (written by the platform's own export of generated data) imported into a
# fresh store through the HTTP API; prints the time and the server's peak memory. Usage: bench/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
work=$(mktemp -d /tmp/sz-import.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for db in src fresh; do echo 'Bench@2024pilot' | build/shuzhuan user add admin --role city_admin --password-stdin --db "sqlite:$work/$db.db" >/dev/null; done
build/bench/bench_generate --db "sqlite:$work/src.db" --enterprises "$ROWS" 2>/dev/null
port=$((36000 + RANDOM % 2000))
run() {  # db → starts a server, sets pid and token
  build/shuzhuan serve --db "sqlite:$work/$1.db" --port "$port" --jobs-dir "$work/jobs" > "$work/$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
  token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' -d '{"username":"admin","password":"Bench@2024pilot"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
}
wait_job() {
  while :; do
    state=$(curl -s "http://127.0.0.1:$port/api/v1/jobs/$1" -H "Authorization: Bearer $token" | sed -E 's/.*"state":"([a-z]+)".*/\1/')
    [ "$state" = succeeded ] || [ "$state" = failed ] && { echo "$state"; return; }
    sleep 0.2
  done
}
run src
job=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/enterprises/exports" -H "Authorization: Bearer $token" -d '{}' | sed -E 's/.*"id":([0-9]+).*/\1/')
wait_job "$job" >/dev/null
file=$(ls "$work"/jobs/enterprises-*.xlsx)
kill $pid; wait $pid 2>/dev/null || true
run fresh
start=$(date +%s.%N)
job=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/enterprises/imports?name=bench.xlsx" -H "Authorization: Bearer $token" --data-binary @"$file" | sed -E 's/.*"id":([0-9]+).*/\1/')
[ -n "${PROFILE:-}" ] && (sleep 2; perf record -F 499 -g -p $pid -o /tmp/perf.data -- sleep 12 > /dev/null 2>&1) &
state=$(wait_job "$job")
echo "import of $ROWS rows ($(($(stat -c %s "$file") / 1024)) KiB .xlsx): $state in $(echo "$(date +%s.%N) - $start" | bc) s; server peak memory $(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status) MiB"
