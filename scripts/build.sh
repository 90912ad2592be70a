#!/usr/bin/env bash
# Builds the server (release: build/, or with --sanitize: build-asan/ with ASan + UBSan) and the front end.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build
flags=(-DCMAKE_BUILD_TYPE=Release)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHUZHUAN_SANITIZE=ON)
fi
# Through ccache, with paths taken relative to the checkout (CCACHE_BASEDIR): a fresh clone on this machine (CI)
# reuses the objects an earlier clone compiled.
if command -v ccache >/dev/null; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$(pwd)" CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
fi
echo "== 构建服务端（$dir）"
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir" -j2
if [ "$dir" = build ]; then
  echo "== 构建前端（web/dist）"
  (cd web && npm run build --silent)
fi
