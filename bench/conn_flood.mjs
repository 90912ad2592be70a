// Connection flood against the real server on loopback: /health latency on new connections while idle TCP
// connections pour in, as a ratio to the unloaded latency measured in the same run, and the server's CPU use.
// Usage: node bench/conn_flood.mjs [build/shuzhuan] [seconds=10]. The server runs with a file-descriptor limit of
// 1024 (a common default) and its default caps. Two floods: from one address (the caps shed it), and from ten
// addresses (the total cap is reached; the header deadline bounds how long a slot stays taken).
import net from 'node:net'
import path from 'node:path'
import { readFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// Keeps `perAddress` idle connections open from each address, opening a new one whenever one is closed — in its
// own process, so that the flood does not slow the probe's event loop. Prints how many it opened when stopped.
function attack(port, addresses, perAddress) {
  let opened = 0
  const open = (localAddress) => {
    const s = net.connect({ port, host: '127.0.0.1', localAddress })
    opened++
    s.resume()  // read, so that the server's close is seen
    s.on('error', () => {})
    s.on('close', () => setTimeout(() => open(localAddress), 5))
  }
  for (const a of addresses) for (let i = 0; i < perAddress; i++) open(a)
  process.on('SIGTERM', () => {
    console.log(opened)
    process.exit(0)
  })
}

if (process.argv[2] === '--attack') {
  attack(Number(process.argv[3]), process.argv[4].split(','), Number(process.argv[5]))
} else {
  await main()
}

async function main() {
  const bin = process.argv[2] || 'build/shuzhuan'
  const seconds = Number(process.argv[3] || 10)
  process.env.SZ_BIN = path.resolve(bin)
  const { Server, rawExchange } = await import('../tests/api/harness.mjs')

  const HEALTH = 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
  const cpu = (pid) => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(f[11]) + Number(f[12])) / 100
  }
  const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]

  // /health on a new connection every 20 ms, for `ms`: latencies of the answered ones, and how many were not answered
  // within 5 s (shed or timed out).
  async function probe(server, ms) {
    const lat = []
    let failed = 0
    for (const end = Date.now() + ms; Date.now() < end; ) {
      const r = await rawExchange(server.port, HEALTH, { timeout: 5000 })
      if (/^HTTP\/1\.1 200 /.test(r.text)) lat.push(r.statusAt)
      else failed++
      await sleep(20)
    }
    lat.sort((a, b) => a - b)
    return { lat, failed }
  }

  function flood(server, addresses, perAddress) {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--attack', String(server.port), addresses.join(','), String(perAddress)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    return {
      stop: () =>
        new Promise((resolve) => {
          child.on('exit', () => resolve(Number(out.trim())))
          child.kill('SIGTERM')
        }),
    }
  }

  function line(name, { lat, failed }) {
    if (!lat.length) return `${name}: none answered, ${failed} failed`
    const ms = (x) => x.toFixed(2)
    return `${name}: n=${lat.length} p50=${ms(pct(lat, 50))} ms p95=${ms(pct(lat, 95))} ms p99=${ms(pct(lat, 99))} ms max=${ms(lat.at(-1))} ms, ${failed} not answered`
  }

  const server = await Server.start({ demo: false, nofile: 1024 })
  try {
    console.log(`server: ${bin}, nofile 1024, default caps; flood ${seconds} s each`)
    const base = await probe(server, 3000)
    console.log(line('unloaded', base))
    for (const [name, addresses, per] of [
      ['one address, 2000 connections', ['127.0.0.2'], 2000],
      ['ten addresses, 200 connections each', Array.from({ length: 10 }, (_, i) => `127.0.0.${i + 2}`), 200],
    ]) {
      const c0 = cpu(server.proc.pid)
      const t0 = Date.now()
      const f = flood(server, addresses, per)
      await sleep(500)
      const during = await probe(server, seconds * 1000)
      const used = cpu(server.proc.pid) - c0
      const window = (Date.now() - t0) / 1000
      const opened = await f.stop()
      console.log(line(name, during))
      if (during.lat.length)
        console.log(`  ratio to unloaded: p50 ×${(pct(during.lat, 50) / pct(base.lat, 50)).toFixed(1)}, p99 ×${(pct(during.lat, 99) / pct(base.lat, 99)).toFixed(1)}`)
      console.log(`  connections opened by the flood: ${opened}; server CPU ${used.toFixed(2)} s in ${window.toFixed(1)} s (${((100 * used) / window).toFixed(0)}% of a core)`)
      await sleep(12000)  // the header deadline frees what the flood held
    }
  } finally {
    await server.stop()
  }
}
