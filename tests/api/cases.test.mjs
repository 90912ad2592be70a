// Data-driven API cases: each file in cases/ is a list of requests with the JSON they must get back
// (a partial match), run in order against a fresh server with the demo data.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Server, matches, ENGINE } from './harness.mjs'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases')
let server
const tokens = {}

before(async () => {
  server = await Server.start()
})
after(async () => {
  await server.stop()
})

async function tokenOf(user) {
  tokens[user] ??= await server.login(user)
  return tokens[user]
}

// "${ENGINE}" in an expected value stands for the engine under test.
function substitute(v) {
  if (typeof v === 'string') return v.replaceAll('${ENGINE}', ENGINE)
  if (Array.isArray(v)) return v.map(substitute)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x)]))
  return v
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const cases = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
  for (const c of cases) {
    test(`${file}: ${c.name}`, async () => {
      const token = c.as ? await tokenOf(c.as) : undefined
      const body = c.raw_body !== undefined ? c.raw_body : c.body
      const r = await server.call(c.method, c.path, { token, body, headers: c.headers })
      assert.equal(r.status, c.expect.status, `${c.method} ${c.path} → ${r.status} ${r.text.slice(0, 300)}`)
      if (c.expect.json) {
        const why = matches(r.json, substitute(c.expect.json))
        assert.equal(why, null, why ?? '')
      }
      if (c.expect.items_count !== undefined) assert.equal(r.json.items.length, c.expect.items_count)
      if (c.expect.every_item) {
        for (const item of r.json.items) {
          const why = matches(item, c.expect.every_item)
          assert.equal(why, null, why ?? '')
        }
      }
      if (r.status >= 400) {
        // Every error carries a Chinese message.
        assert.match(r.json?.error?.message ?? '', /[\u4e00-\u9fff]/, `error without a Chinese message: ${r.text}`)
      }
    })
  }
}
