#!/usr/bin/env bash
# 通报 at national scale on loopback. Usage: bench/reports_scale.sh [N=1000000]
#  1. generate N enterprises with assessments (bench/generate), serve them;
#  2. issue one month's reports (the city's and every district's: each streams its enterprises once) — job time and
#     the server's peak memory;
#  3. the live forecast and the data-quality page (latency of one request each);
#  4. the forecast as the dashboard sees it: asked again with nothing written (kept), and 20 officials at once.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
BIN=build/shuzhuan
work=$(mktemp -d /tmp/sz-reports.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
port=$((36000 + RANDOM % 5000))
base="http://127.0.0.1:$port/api/v1"

echo "## generate $N enterprises"
db="sqlite:$work/big.db"
echo 'Bench@2024pilot' | "$BIN" user add admin --role city_admin --password-stdin --db "$db" >/dev/null
/usr/bin/time -f "generate: %e s" build/bench/bench_generate --db "$db" --enterprises "$N" 2>&1 | tail -1
"$BIN" serve --db "$db" --port "$port" --jobs-dir "$work/jobs" > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do curl -sf "$base/health" >/dev/null && break; sleep 0.1; done
token=$(curl -s -X POST "$base/auth/login" -H 'Content-Type: application/json' -d '{"username":"admin","password":"Bench@2024pilot"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
H="Authorization: Bearer $token"
rss() { awk '/VmRSS/ {print int($2/1024) " MiB"}' "/proc/$pid/status"; }
echo "server memory before: $(rss)"

echo "## issue 2026-10 (city + districts)"
start=$(date +%s.%N)
job=$(curl -s -X POST "$base/reports" -H "$H" -d '{"period":"2026-10"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
while :; do
  state=$(curl -s "$base/jobs/$job" -H "$H" | sed -E 's/.*"state":"([a-z]+)".*/\1/')
  [ "$state" = succeeded ] || [ "$state" = failed ] && break
  sleep 0.5
done
echo "issue: $state in $(echo "$(date +%s.%N) - $start" | bc) s; server peak memory $(awk '/VmHWM/ {print int($2/1024) " MiB"}' "/proc/$pid/status")"
curl -s "$base/reports?scope=city" -H "$H" | sed -E 's/.*"pdf":\{"sm3":"[0-9a-f]+","size":([0-9]+).*/city PDF: \1 bytes/'
echo

for path in "stats/forecast" "data-quality"; do
  t=$(curl -s -o /dev/null -w '%{time_total}' "$base/$path" -H "$H")
  echo "GET /api/v1/$path: ${t} s"
done

echo "## the dashboard's forecast, kept"
t=$(curl -s -o /dev/null -w '%{time_total}' "$base/stats/forecast" -H "$H")
echo "GET /api/v1/stats/forecast again, nothing written: ${t} s"
# An audited change (a schedule saved), then 20 officials opening the dashboard at once: one computation serves all.
curl -s -o /dev/null -X POST "$base/schedules" -H "$H" -d '{"name":"bench","job_kind":"reminders.due","every":"daily","hour":6}'
start=$(date +%s.%N)
callers=()
for _ in $(seq 1 20); do curl -s -o /dev/null "$base/stats/forecast" -H "$H" & callers+=($!); done
wait "${callers[@]}"  # not the server's
echo "20 concurrent GET /api/v1/stats/forecast after a change: all answered in $(echo "$(date +%s.%N) - $start" | bc) s"
