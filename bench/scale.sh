#!/usr/bin/env bash
# National-scale benchmark on loopback (bounded: each load runs 10 s). Usage: bench/scale.sh [N=1000000]
#  1. generate N enterprises with assessments (bench/generate), serve them;
#  2. latency (wrk) of /health (the reference), the dashboard today and at a stage's end, the 绩效评价 sheet, drill-downs
#     (today and as of a stage's end), a list and a two-character name search; then `stats verify` over all N;
#  3. export all N rows as .xlsx (time, server peak memory);
#  4. import a 100,000-row .xlsx into a fresh store (time, server peak memory).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
BIN=build/shuzhuan
work=$(mktemp -d /tmp/sz-scale.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
port=$((31000 + RANDOM % 5000))

hwm() { awk '/VmHWM/ {print int($2/1024) " MiB"}' "/proc/$1/status"; }
login() { curl -s -X POST "http://127.0.0.1:$1/api/v1/auth/login" -H 'Content-Type: application/json' -d '{"username":"admin","password":"Bench@2024pilot"}' |
  sed -E 's/.*"token":"([^"]+)".*/\1/'; }
wait_job() {  # port token id → state and seconds
  case "$3" in ''|*[!0-9]*) echo "no job (request refused)"; return 1 ;; esac
  local start=$(date +%s.%N) state
  while :; do
    state=$(curl -s "http://127.0.0.1:$1/api/v1/jobs/$3" -H "Authorization: Bearer $2" | sed -E 's/.*"state":"([a-z]+)".*/\1/')
    [ "$state" = succeeded ] || [ "$state" = failed ] && break
    sleep 0.2
  done
  echo "$state $(echo "$(date +%s.%N) - $start" | bc)"
}
serve() {  # db port → pid
  "$BIN" serve --db "$1" --port "$2" --jobs-dir "$work/jobs-$2" --workers 8 > "$work/serve-$2.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$2/api/v1/health" >/dev/null && break; sleep 0.1; done
  echo "$pid"
}

echo "## generate $N enterprises"
db="sqlite:$work/big.db"
echo 'Bench@2024pilot' | "$BIN" user add admin --role city_admin --password-stdin --db "$db" >/dev/null
/usr/bin/time -f "generate: %e s, peak %M KiB" build/bench/bench_generate --db "$db" --enterprises "$N"
ls -la "$work/big.db" | awk '{print "database file: " int($5/1048576) " MiB"}'

pid=$(serve "$db" "$port"); pids+=("$pid")
token=$(login "$port")
H="Authorization: Bearer $token"
base="http://127.0.0.1:$port/api/v1"
echo "## latency at $N enterprises (wrk -t2 -c8 -d10s)"
for path in "health" "stats/progress" "stats/progress?year=2024" "stats/progress?year=2025" "evaluations/2025" \
            "stats/progress/enterprises?metric=level2&industry=aluminium&page_size=20" \
            "stats/progress/enterprises?metric=accepted&as_of=2025-12-31&page_size=20" \
            "stats/progress/enterprises?metric=cloud_accepted&district=410181&as_of=2024-12-31&page_size=20" \
            "enterprises?district=410181&page_size=20" "enterprises?q=%E6%81%92%E6%B3%B0&page_size=20"; do
  echo "### GET /api/v1/$path"
  wrk -t2 -c8 -d10s --latency -H "$H" "$base/$path" | grep -E 'Requests/sec|50%|99%|Non-2xx'
done

echo "## stats verify: every summary row recomputed from the records"
/usr/bin/time -f "stats verify: %e s, peak %M KiB" "$BIN" stats verify --db "$db" | tail -2

echo "## export all $N enterprises"
job=$(curl -s -X POST "$base/enterprises/exports" -H "$H" -d '{}' | sed -E 's/.*"id":([0-9]+).*/\1/')
echo "export: $(wait_job "$port" "$token" "$job") s; server peak memory $(hwm "$pid")"
ls -la "$work"/jobs-$port/enterprises-*.xlsx | awk '{print "export file: " int($5/1048576) " MiB"}'

echo "## import 100,000 rows into a fresh store"
small="sqlite:$work/small.db"
echo 'Bench@2024pilot' | "$BIN" user add admin --role city_admin --password-stdin --db "$small" >/dev/null
build/bench/bench_generate --db "$small" --enterprises 100000 2>/dev/null
port2=$((port + 1)); pid2=$(serve "$small" "$port2"); pids+=("$pid2")
t2=$(login "$port2")
job=$(curl -s -X POST "http://127.0.0.1:$port2/api/v1/enterprises/exports" -H "Authorization: Bearer $t2" -d '{}' | sed -E 's/.*"id":([0-9]+).*/\1/')
wait_job "$port2" "$t2" "$job" >/dev/null
file=$(ls "$work"/jobs-$port2/enterprises-*.xlsx)
kill "$pid2"
fresh="sqlite:$work/fresh.db"
echo 'Bench@2024pilot' | "$BIN" user add admin --role city_admin --password-stdin --db "$fresh" >/dev/null
port3=$((port + 2)); pid3=$(serve "$fresh" "$port3"); pids+=("$pid3")
t3=$(login "$port3")
echo "import file: $(ls -la "$file" | awk '{print int($5/1048576)}') MiB, server memory before $(hwm "$pid3")"
job=$(curl -s -X POST "http://127.0.0.1:$port3/api/v1/enterprises/imports?name=bench.xlsx" -H "Authorization: Bearer $t3" \
  --data-binary @"$file" | sed -E 's/.*"id":([0-9]+).*/\1/')
echo "import: $(wait_job "$port3" "$t3" "$job") s; server peak memory $(hwm "$pid3")"
curl -s "http://127.0.0.1:$port3/api/v1/enterprises?page_size=1" -H "Authorization: Bearer $t3" | sed -E 's/.*"total":([0-9]+).*/imported rows: \1/'
