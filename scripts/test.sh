#!/usr/bin/env bash
# One command: install what is missing, build (release and ASan+UBSan), and run every test —
# unit tests, API tests on SQLite (release and sanitizer builds), API tests on a throwaway PostgreSQL cluster,
# the front end's unit tests, and the browser test in Debian's chromium. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

scripts/setup.sh
scripts/build.sh
scripts/build.sh --sanitize
scripts/fuzz.sh --build

passed=0
failed=0
failures=()
logdir=$(mktemp -d /tmp/sz-test.XXXXXX)
declare -A suite_pid suite_passed  # by suite name

# A node --test suite of the API tests: started in the background (its log and exit code go to $logdir), then
# finished — its counts added, and remembered when it fails. Independent suites run side by side on the two cores.
node_suite_start() {
  local name=$1
  shift
  echo "== $name（开始）"
  (
    set +e
    env "$@" node --test --test-reporter=tap tests/api/*.test.mjs > "$logdir/$name.log" 2>&1
    echo $? > "$logdir/$name.rc"
  ) &
  suite_pid[$name]=$!
}

node_suite_finish() {
  local name=$1
  wait "${suite_pid[$name]}" || true
  local log="$logdir/$name.log" rc
  rc=$(cat "$logdir/$name.rc" 2>/dev/null || echo 1)
  local p f
  p=$(grep -E '^# pass [0-9]+' "$log" | tail -1 | awk '{print $3}' || true)
  f=$(grep -E '^# fail [0-9]+' "$log" | tail -1 | awk '{print $3}' || true)
  p=${p:-0}
  f=${f:-0}
  echo "== $name"
  echo "   $p passed, $f failed ($(grep -E '^# duration_ms' "$log" | awk '{printf "%d s", $3 / 1000}'))"
  if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ] || [ "$p" -eq 0 ]; then
    grep -E '^not ok|^\s+error:' "$log" | head -40 || true
    failures+=("$name")
    [ "$f" -eq 0 ] && f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  suite_passed[$name]=$p
}

node_suite() {
  node_suite_start "$@"
  node_suite_finish "$1"
}

# Adds a suite's counts (name, exit code, passed, failed, log); a suite that failed, or passed nothing, is remembered.
count_suite() {
  local name=$1 rc=$2 p=$3 f=$4 log=$5
  echo "   $p passed, $f failed"
  if [ "$rc" -ne 0 ] || [ "$p" -eq 0 ]; then
    tail -30 "$log" || true
    failures+=("$name")
    [ "$f" -eq 0 ] && f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

ctest_suite() {
  local name=$1 dir=$2
  echo "== $name"
  set +e
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --test-dir "$dir" -V > "$logdir/$name.log" 2>&1
  local rc=$?
  set -e
  # Count GoogleTest cases, not test programs: "[  PASSED  ] 12 tests."
  local p f
  p=$(grep -oE '\[  PASSED  \] [0-9]+' "$logdir/$name.log" | awk '{s += $4} END {print s + 0}' || true)
  f=$(grep -oE '\[  FAILED  \] [0-9]+ test' "$logdir/$name.log" | awk '{s += $4} END {print s + 0}' || true)
  echo "   $p passed, $f failed"
  if [ "$rc" -ne 0 ] || [ "$p" -eq 0 ]; then
    grep -E 'Failure|FAILED|ERROR' "$logdir/$name.log" | head -40 || true
    failures+=("$name")
    [ "$f" -eq 0 ] && f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

ctest_suite unit build
ctest_suite unit-asan build-asan

# The browser test against the real server with the demo data, in Debian's chromium. It waits on the browser more
# than it computes (about half a core), so it runs beside the API suites instead of after them. Its server listens
# below the ephemeral port range, where no test server's port can be handed out.
browser_suite() {
  local bdir bport
  bdir=$(mktemp -d /tmp/sz-browser.XXXXXX)
  bport=$((10000 + RANDOM % 10000))
  build/shuzhuan-demo --db "sqlite:$bdir/b.db" >/dev/null
  # The demo's administrators log in with their password alone here; two_factor.test.mjs starts a server of its own
  # with the second factor required (the production default).
  SHUZHUAN_AUTH_REQUIRE_ADMIN_TOTP=false \
    build/shuzhuan serve --db "sqlite:$bdir/b.db" --port "$bport" > "$logdir/browser-server.log" 2>&1 &
  browser_server=$!  # global: the lane's exit trap stops it, pass or fail
  trap 'kill "$browser_server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$bport/api/v1/health" >/dev/null && break; sleep 0.1; done
  SHUZHUAN_URL="http://127.0.0.1:$bport" SHUZHUAN_ARTIFACTS="$ROOT/tests/artifacts" \
    node --test --test-reporter=tap tests/browser/*.test.mjs > "$logdir/browser.log" 2>&1
  echo $? > "$logdir/browser.rc"
}

# libFuzzer targets (fuzz/, clang-16): each from its seed corpus for 20 s; a crash, leak or hang fails its target.
# Then the browser test. This lane runs beside the front-end tests and the API suites.
echo "== fuzz（开始）"
(
  set +e
  scripts/fuzz.sh > "$logdir/fuzz.log" 2>&1
  echo $? > "$logdir/fuzz.rc"
  echo "== browser（开始）"
  browser_suite
) &
lane_pid=$!

# Front-end unit tests (vitest): exact money and rate conversions in the browser.
echo "== web-unit"
set +e
(cd web && npx vitest run --reporter=json --outputFile="$logdir/web-unit.json" > "$logdir/web-unit.log" 2>&1)
rc=$?
set -e
read -r wp wf < <(node -e 'try { const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests) } catch { console.log("0 1") }' "$logdir/web-unit.json")
count_suite web-unit "$rc" "$wp" "$wf" "$logdir/web-unit.log"

node_suite api-sqlite SZ_ENGINE=sqlite SZ_BIN=build/shuzhuan

# A throwaway PostgreSQL cluster on loopback, a private port and socket directory; stopped on exit, pass or fail.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdir=$(mktemp -d /tmp/sz-pg.XXXXXX)
pgport=$((20000 + RANDOM % 20000))
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
stop_pg() { as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
echo "== PostgreSQL 集群（127.0.0.1:$pgport）"
as_pg "$pgbin/initdb" -D "$pgdir/data" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
# The sanitizer build's suite and the PostgreSQL suite side by side: one waits on ASan's checks, the other on the
# cluster. ASan aborts on the first error, so a memory bug fails its suite.
node_suite_start api-sqlite-asan SZ_ENGINE=sqlite SZ_BIN=build-asan/shuzhuan ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
node_suite_start api-postgresql SZ_ENGINE=postgresql SZ_BIN=build/shuzhuan SZ_PG_URL="postgresql://postgres@127.0.0.1:$pgport" \
  PATH="$pgbin:$PATH"  # pg_amcheck is not on the default PATH
node_suite_finish api-sqlite-asan
node_suite_finish api-postgresql
if [ "${suite_passed[api-sqlite]:-0}" != "${suite_passed[api-postgresql]:-0}" ]; then
  echo "SQLite 与 PostgreSQL 通过数不同：${suite_passed[api-sqlite]:-0} vs ${suite_passed[api-postgresql]:-0}"
  failures+=("engine-parity")
  failed=$((failed + 1))
fi

wait "$lane_pid" || true
echo "== fuzz"
rc=$(cat "$logdir/fuzz.rc" 2>/dev/null || echo 1)
read -r fp ff < <(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logdir/fuzz.log" | tail -1 | awk '{print $1, $3}')
count_suite fuzz "$rc" "${fp:-0}" "${ff:-0}" "$logdir/fuzz.log"
echo "== browser"
rc=$(cat "$logdir/browser.rc" 2>/dev/null || echo 1)
bp=$(grep -E '^# pass [0-9]+' "$logdir/browser.log" | tail -1 | awk '{print $3}' || true)
bf=$(grep -E '^# fail [0-9]+' "$logdir/browser.log" | tail -1 | awk '{print $3}' || true)
count_suite browser "$rc" "${bp:-0}" "${bf:-0}" "$logdir/browser.log"

echo
echo "logs: $logdir"
[ ${#failures[@]} -gt 0 ] && echo "failed suites: ${failures[*]}"
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
