// A hostile spreadsheet cannot take the server's memory: 765 KB whose shared-strings table holds 104.8 million empty
// strings (issue 13, finding 7) is refused with a clear reason while the server's peak memory barely moves.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Server, waitFor } from './harness.mjs'

const BOMB = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import/shared-strings-bomb.xlsx')

// The process's peak resident memory (VmHWM) in MiB.
function peakMiB(pid) {
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1])
  return kb / 1024
}

test('共享字符串炸弹：导入被拒绝，服务端内存峰值增长不到 200 MiB', async (t) => {
  const server = await Server.start()
  try {
    const gongyi = await server.login('gongyi')  // the login's argon2id hash (64 MiB) is in the peak before the import
    const before = peakMiB(server.proc.pid)
    const r = await fetch(`${server.base}/api/v1/enterprises/imports?name=bomb.xlsx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gongyi}`, 'content-type': 'application/octet-stream' },
      body: readFileSync(BOMB),
    })
    assert.equal(r.status, 202)
    const { job } = await r.json()
    const done = await waitFor(async () => {
      const j = await server.call('GET', `/api/v1/jobs/${job.id}`, { token: gongyi })
      return ['succeeded', 'failed'].includes(j.json.state) ? j.json : null
    }, { what: 'the import', timeout: 120000 })
    const grew = peakMiB(server.proc.pid) - before
    t.diagnostic(`peak memory ${before.toFixed(0)} MiB before the import, grew by ${grew.toFixed(0)} MiB`)
    assert.ok(grew < 200, `peak memory grew by ${grew.toFixed(0)} MiB`)
    assert.equal(done.state, 'failed')
    assert.match(done.error, /共享字符串超过上限/)
  } finally {
    await server.stop()
  }
})
