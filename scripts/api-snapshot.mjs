#!/usr/bin/env node
// Records what the API answers on a store, for comparing two builds (a redesign must change no answer):
//   node scripts/api-snapshot.mjs record <base url> <out.json>   every GET of docs/openapi.json, as every demo account
//   node scripts/api-snapshot.mjs compare <a.json> <b.json>      the answers that differ, and exit 1 if any does
// Path parameters take the values 1 and 2 (the demo's ids are deterministic); a query parameter is left out. What is
// random by design — tokens, keys, nonces, times of the run — is masked before comparing; binary answers (PDF, xlsx,
// zip) are kept as their length and type.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const USERS = ['admin', 'gongyi', 'xinmi', 'qiye', 'fuwushang', 'zhuanjia', 'yinhang', 'xitong', 'anquan', 'shenji']
const PASSWORD = 'Demo@2024'
// Differ between two runs by design: secrets, the store's path, the node's name, the audit chain's head (its entries
// carry the time of the run), counters.
const VOLATILE =
  /^(token|csrf|csrf_token|secret|key|nonce|time|now|server_time|uptime_seconds|started_at|generated_at|.*_token|key_id|database|node|head_hash|requests_total|in_flight|connections)$/
// Times of the run itself (logins, the accounts the demo makes last, on the real clock); the demo's history is dated
// on its own clock, in the past.
const TODAY = new Date().toISOString().slice(0, 10)

function mask(v, key = '') {
  if (Array.isArray(v)) return v.map((x) => mask(x))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mask(x, k)]))
  if (VOLATILE.test(key)) return '<masked>'
  return typeof v === 'string' && v.startsWith(TODAY + 'T') ? '<today>' : v
}

async function answer(base, token, url) {
  const res = await fetch(base + url, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' })
  const type = res.headers.get('content-type') ?? ''
  const body = Buffer.from(await res.arrayBuffer())
  if (url === '/metrics') return { status: res.status, type }  // counters of the run
  if (!type.includes('json')) return { status: res.status, type, bytes: body.length }
  let json
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    json = body.toString('utf8')
  }
  return { status: res.status, json: mask(json) }
}

async function record(base, out) {
  const doc = JSON.parse(readFileSync(path.join(ROOT, 'docs/openapi.json'), 'utf8'))
  const urls = []
  for (const [p, ops] of Object.entries(doc.paths)) {
    if (!ops.get || p.includes('/test/')) continue
    if (!p.includes('{')) urls.push(p)
    else for (const id of [1, 2]) urls.push(p.replace(/\{[^}]+\}/g, String(id)))
  }
  const snapshot = {}
  for (const user of [null, ...USERS]) {
    let token = null
    if (user) {
      const r = await fetch(base + '/api/v1/auth/login', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: PASSWORD }),
      })
      if (!r.ok) throw new Error(`login ${user}: ${r.status} ${await r.text()}`)
      token = (await r.json()).token
    }
    for (const url of urls) snapshot[`${user ?? '匿名'} GET ${url}`] = await answer(base, token, url)
  }
  writeFileSync(out, JSON.stringify(snapshot, null, 1))
  console.log(`${Object.keys(snapshot).length} answers recorded in ${out}`)
}

function compare(a, b) {
  const read = (f) => mask(JSON.parse(readFileSync(f, 'utf8')))
  const x = read(a)
  const y = read(b)
  let differ = 0
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const l = JSON.stringify(x[k] && { ...x[k], bytes: k.endsWith('GET /metrics') ? undefined : x[k].bytes })
    const r = JSON.stringify(y[k] && { ...y[k], bytes: k.endsWith('GET /metrics') ? undefined : y[k].bytes })
    if (l === r) continue
    differ++
    console.log(`≠ ${k}\n  ${(l ?? '(none)').slice(0, 400)}\n  ${(r ?? '(none)').slice(0, 400)}`)
  }
  console.log(`${Object.keys(x).length} vs ${Object.keys(y).length} answers, ${differ} differ`)
  return differ === 0
}

const [mode, p1, p2] = process.argv.slice(2)
if (mode === 'record') await record(p1, p2)
else if (mode === 'compare') process.exit(compare(p1, p2) ? 0 : 1)
else {
  console.error('usage: api-snapshot.mjs record <base url> <out.json> | compare <a.json> <b.json>')
  process.exit(2)
}
