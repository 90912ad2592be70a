// Login flood (issue 13, finding 3): 16 loops of logins with unknown names, while one client measures /health and an
// authenticated read; each latency is reported as a ratio to the same request unloaded, measured in the same run.
// Two floods: from one address, and from ever-new addresses (X-Forwarded-For through a trusted proxy, as a botnet
// behind the balancer would look), which only the node-wide limits and the bounded hashing queue can answer.
//   node bench/login_flood.mjs [seconds per flood, default 10]      (SZ_BIN selects the binary, as for the API tests)
import { Server, PASSWORD } from '../tests/api/harness.mjs'

const seconds = Number(process.argv[2] ?? 10)
const server = await Server.start({ env: { SHUZHUAN_SERVER_TRUSTED_PROXIES: '127.0.0.1' } })

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]
async function timed(fn) {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

const login = (username, password, ip) =>
  server.call('POST', '/api/v1/auth/login', { body: { username, password }, headers: { 'x-forwarded-for': ip } })
const token = (await login('gongyi', PASSWORD, '192.0.2.10')).json.token
const probes = {
  '/health': () => server.call('GET', '/api/v1/health'),
  'read (GET /enterprises, 区县专班)': () => server.call('GET', '/api/v1/enterprises?page_size=20', { token }),
}

// Measures each probe in turn until `until` resolves (or n rounds when there is no flood).
async function measure(rounds, running = () => true) {
  const out = Object.fromEntries(Object.keys(probes).map((k) => [k, []]))
  for (let i = 0; (rounds && i < rounds) || (!rounds && running()); i++)
    for (const [k, probe] of Object.entries(probes)) out[k].push(await timed(probe))
  return out
}

async function flood(addressOf) {
  let stop = false, sent = 0
  const statuses = {}, answered = []
  const loop = async (k) => {
    for (let i = 0; !stop; i++) {
      const t = performance.now()
      const r = await login(`nobody${k}-${i}`, 'Wrong#Pass1', addressOf(k, i))
      answered.push(performance.now() - t)
      statuses[r.status] = (statuses[r.status] ?? 0) + 1
      sent++
    }
  }
  const loops = Array.from({ length: 16 }, (_, k) => loop(k))
  await new Promise((r) => setTimeout(r, 500))
  const end = Date.now() + seconds * 1000
  const loaded = await measure(0, () => Date.now() < end)
  stop = true
  await Promise.all(loops)
  return { loaded, statuses, sent, answered }
}

await measure(10)  // warm up
const unloaded = await measure(50)
const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0)) + ' ms'
console.log(`binary: ${server.proc.spawnargs[0]}, ${seconds} s per flood, 16 loops`)
console.log('| flood | request | unloaded p50 | loaded p50 | loaded p95 | p50 ratio | logins answered (status: count), login p50 |')
console.log('|---|---|---|---|---|---|---|')
for (const [name, addressOf] of [
  ['one address', () => '198.51.100.7'],
  ['new address per login', (k, i) => `10.${k}.${(i >> 8) & 255}.${i & 255}`],
]) {
  const { loaded, statuses, sent, answered } = await flood(addressOf)
  for (const k of Object.keys(probes)) {
    const u = quantile(unloaded[k], 0.5), l = quantile(loaded[k], 0.5)
    console.log(`| ${name} | ${k} | ${ms(u)} | ${ms(l)} | ${ms(quantile(loaded[k], 0.95))} | ${(l / u).toFixed(1)} | ` +
      `${sent} (${Object.entries(statuses).map(([s, n]) => `${s}: ${n}`).join(', ')}), ${ms(quantile(answered, 0.5))} |`)
  }
  await new Promise((r) => setTimeout(r, 2000))  // let the queues drain before the next flood
}
await server.stop()
