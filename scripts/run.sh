#!/usr/bin/env bash
# One command: install what is missing, build, create var/shuzhuan.db with reference and demo data on first
# run, and serve the platform at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p var
db="sqlite:var/shuzhuan.db"
build/shuzhuan-demo --db "$db"
echo
echo "平台地址：http://127.0.0.1:${PORT:-8080}   （Ctrl+C 停止）"
exec build/shuzhuan serve --db "$db" --host 127.0.0.1 --port "${PORT:-8080}"
