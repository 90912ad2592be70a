#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian bookworm machine: Debian packages (only those missing)
# and the npm packages of the front end and the tests (npm ci, from the committed lock files).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  ccache                                                        # compiled objects reused across clones (CI)
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev   # never libboost-dev: its 1.74 conflicts
  libsqlite3-dev sqlite3 libpq-dev libssl-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev
  libcrack2-dev cracklib-runtime                                # password dictionary check (cracklib and its dictionary)
  libxlsxwriter-dev libzip-dev libexpat1-dev                    # .xlsx out and in
  libpango1.0-dev libcairo2-dev libfontconfig-dev               # PDF reports (fonts-noto-cjk below)
  poppler-utils                                                 # tests read the reports: pdftotext, pdffonts
  liboath-dev                                                   # TOTP, the administrators' second factor
  libgtest-dev googletest libbenchmark-dev
  postgresql                                                    # the test suite starts its own cluster
  chromium fonts-noto-cjk                                       # browser tests; Chinese glyphs in screenshots
  wrk                                                           # load benchmarks (bench/)
  clang-16 libclang-rt-16-dev                                   # libFuzzer targets (fuzz/, scripts/fuzz.sh)
  unzip                                                         # tests read the .xlsx files the platform writes
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== 安装 Debian 软件包：${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The machine image ships Node 20.20; vite 8 needs ≥ 20.19. Debian's nodejs (18) is too old: do not install it.
if ! command -v node >/dev/null; then
  echo "错误：需要 Node.js ≥ 20.19（本机镜像自带），未找到 node" >&2
  exit 1
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || {
  echo "错误：需要 Node.js ≥ 20.19，当前为 $(node --version)" >&2
  exit 1
}

# npm ci only when the lock file changed since the last install.
npm_install() {
  local dir=$1
  local stamp="$dir/node_modules/.lock-sha"
  local sha
  sha=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sha" ]; then
    echo "== npm ci（$dir）"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sha" > "$stamp"
  fi
}
npm_install web
npm_install tests
