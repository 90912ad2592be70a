#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with Debian's clang-16 in build-fuzz/ (ASan + UBSan, ccache) and runs each
# from its seed corpus (fuzz/corpus/<target>, crash reproducers included, so a fixed crash stays fixed).
#   scripts/fuzz.sh                 every target for 20 s (2 minutes in all, the build aside): the suite ./scripts/test.sh runs
#   scripts/fuzz.sh --campaign [S [target…]]  each target (or those named) until 10 million executions or S seconds
#                                   (default 3600), one after another on one core; statistics and the grown corpus in
#                                   build-fuzz/campaign/
#   scripts/fuzz.sh --build         build only (on a machine shared with other builds: under the same lock as they,
#                                   e.g. flock /tmp/sz-build.lock scripts/fuzz.sh --build; the runs need no lock)
# A crash, a leak, a timeout (> 10 s for one input) or an input using more than 2 GiB fails the target; its input is
# kept as build-fuzz/artifacts/<target>-crash-… Ends with "N passed, N failed" (targets).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
mode=${1:-quick}
seconds=20
runs=-1
case "$mode" in
  quick) ;;
  --campaign) seconds=${2:-3600}; runs=10000000 ;;
  --build) ;;
  *) echo "用法：scripts/fuzz.sh [--campaign [秒数] | --build]" >&2; exit 2 ;;
esac

targets=(table_reader json_bodies credit_code request upload assessment)
[ "$mode" = --campaign ] && [ $# -gt 2 ] && targets=("${@:3}")  # --campaign S target…: only those
dir=build-fuzz
flags=(-DCMAKE_BUILD_TYPE=Fuzz -DSHUZHUAN_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-16)
if command -v ccache >/dev/null; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
fi
# SZ_FUZZ_BUILD=0: run the targets as built (a shared machine builds them under its lock beforehand).
if [ "${SZ_FUZZ_BUILD:-1}" != 0 ]; then
  echo "== 构建模糊测试目标（$dir，clang-16）"
  cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
  ninja -C "$dir" -j2 fuzz
fi
[ "$mode" = --build ] && exit 0

out=$dir/artifacts
logs=$dir/$([ "$mode" = --campaign ] && echo campaign || echo quick)
mkdir -p "$out" "$logs"
passed=0
failed=0
for t in "${targets[@]}"; do
  # New inputs go to a scratch directory (a campaign keeps its own, grown corpus); the seeds stay as committed.
  if [ "$mode" = --campaign ]; then
    work=$logs/corpus/$t
    mkdir -p "$work"
  else
    work=$(mktemp -d /tmp/sz-fuzz-$t.XXXXXX)
  fi
  dict=()
  case $t in
    table_reader) dict=(-dict=fuzz/dict/xlsx.dict) ;;
    json_bodies | assessment) dict=(-dict=fuzz/dict/json.dict) ;;
  esac
  set +e
  "$dir/fuzz/fuzz_$t" "$work" "fuzz/corpus/$t" "${dict[@]}" -max_total_time="$seconds" -runs="$runs" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$out/$t-" > "$logs/$t.log" 2>&1
  rc=$?
  set -e
  execs=$( (grep -oE 'stat::number_of_executed_units: *[0-9]+' "$logs/$t.log" || true) | awk '{print $2}' | tail -1)
  speed=$( (grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$logs/$t.log" || true) | awk '{print $2}' | tail -1)
  cov=$( (grep -oE 'cov: [0-9]+' "$logs/$t.log" || true) | tail -1 | awk '{print $2}')
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    echo "   fuzz_$t: ${execs:-0} 次执行，${speed:-0} 次/秒，覆盖 ${cov:-0} 条边，无崩溃"
  else
    failed=$((failed + 1))
    echo "   fuzz_$t: 失败（退出码 $rc）"
    grep -E 'ERROR: |SUMMARY: |Test unit written to' "$logs/$t.log" | head -10 || true
  fi
  [ "$mode" = --campaign ] || rm -rf "$work"
done
# The targets' scratch files (fuzz/fuzz_input.h): a running target writes its own again for its next input.
rm -f /dev/shm/sz-fuzz-[0-9]* /tmp/sz-fuzz-[0-9]*
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
