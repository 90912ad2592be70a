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
echo "== 构建服务端（$dir）"
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir" -j2
if [ "$dir" = build ]; then
  echo "== 构建前端（web/dist）"
  (cd web && npm run build --silent)
fi
