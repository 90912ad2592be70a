#!/usr/bin/env bash
# What SQLite's synchronous=FULL costs against NORMAL (issue 13, finding 10): the same audited writes through the
# real API — a district officer's PUT of an enterprise's yearly figures, one update, its summary rows and an audit
# entry in one transaction — first one client at a time (each commit waits for its own sync), then 8 at once.
# Usage: bench/durability.sh [build/shuzhuan] [writes per run, default 2000]. Loopback only; a minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/shuzhuan}
writes=${2:-2000}
dir=$(mktemp -d /tmp/sz-durability.XXXXXX)
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
pid=0
echo "machine: $(nproc) CPU, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(df -T "$dir" | awk 'NR==2 {print $2}') at $dir"
for sync in NORMAL FULL; do
  "$(dirname "$bin")/shuzhuan-demo" --bare --db "sqlite:$dir/$sync.db" >/dev/null
  port=$((30000 + RANDOM % 10000))
  SHUZHUAN_SQLITE_SYNCHRONOUS=$sync "$bin" serve --db "sqlite:$dir/$sync.db" --port "$port" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
  SZ_PORT=$port SZ_WRITES=$writes SZ_SYNC=$sync node --input-type=module -e '
    const base = `http://127.0.0.1:${process.env.SZ_PORT}/api/v1`
    const login = await (await fetch(`${base}/auth/login`, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "gongyi", password: "Demo@2024" }) })).json()
    const headers = { authorization: `Bearer ${login.token}`, "content-type": "application/json" }
    let n = 0
    // Enterprises 1–107 are 巩义市'"'"'s; every write changes the figures, so each one commits and is audited.
    const write = async () => {
      const i = n++
      const r = await fetch(`${base}/enterprises/${1 + (i % 100)}/years/2025`, { method: "PUT", headers,
        body: JSON.stringify({ revenue: 1000000 + i, employees: 50, rd_spending: 10000, invention_patents: 0 }) })
      if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`)
    }
    const total = Number(process.env.SZ_WRITES)
    for (const clients of [1, 8]) {
      n = 0
      const t0 = process.hrtime.bigint()
      await Promise.all(Array.from({ length: clients }, async () => { while (n < total) await write() }))
      const s = Number(process.hrtime.bigint() - t0) / 1e9
      console.log(`${process.env.SZ_SYNC}\t${clients} client(s)\t${total} writes\t${s.toFixed(2)} s\t${(total / s).toFixed(0)} writes/s\t${(s / total * 1000).toFixed(2)} ms/write`)
    }
  '
  kill $pid
  wait $pid 2>/dev/null || true
done
