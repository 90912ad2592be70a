// Every route the server registers is in docs/openapi.json, and every documented route is registered.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cli, openapi } from './harness.mjs'

test('openapi.json 与服务注册的接口一一对应', () => {
  const r = cli(['routes', '--test-clock', '--db', 'sqlite::memory:'])
  assert.equal(r.code, 0, r.stderr)
  const registered = new Set(r.stdout.trim().split('\n'))
  const documented = new Set()
  for (const [p, ops] of Object.entries(openapi().paths))
    for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`)
  const missing = [...registered].filter((x) => !documented.has(x))
  const stale = [...documented].filter((x) => !registered.has(x))
  assert.deepEqual(missing, [], `routes missing from openapi.json: ${missing.join(', ')}`)
  assert.deepEqual(stale, [], `documented but not served: ${stale.join(', ')}`)
})
