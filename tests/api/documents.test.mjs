// 资料上传: streamed to disk, content-addressed with SHA-256 and SM3, type by content, names sanitised,
// versions kept, size limit, and every download checked against the record's scope.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { Server } from './harness.mjs'

let server, admin, gongyi, xinmi, qiye
before(async () => {
  server = await Server.start({ args: ['--upload-limit', String(4 << 20)] })
  ;[admin, gongyi, xinmi, qiye] = await Promise.all(['admin', 'gongyi', 'xinmi', 'qiye'].map((u) => server.login(u)))
})
after(async () => {
  await server.stop()
})

const PDF = Buffer.from('%PDF-1.7\n% 诊断报告\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)])

async function upload(token, q, bytes) {
  const r = await fetch(`${server.base}/api/v1/documents?${q}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  })
  return { status: r.status, json: await r.json() }
}

test('上传、内容寻址、SM3、版本、下载', async () => {
  const up = await upload(gongyi, `entity_type=enterprise&entity_id=1&name=${encodeURIComponent('诊断报告.pdf')}`, PDF)
  assert.equal(up.status, 201, JSON.stringify(up.json))
  assert.equal(up.json.content_type, 'application/pdf')
  assert.equal(up.json.version, 1)
  assert.equal(up.json.sha256, createHash('sha256').update(PDF).digest('hex'))
  assert.match(up.json.sm3, /^[0-9a-f]{64}$/)
  assert.equal(up.json.size, PDF.length)
  // The same name again is a new version; the first is kept.
  const v2 = await upload(gongyi, `entity_type=enterprise&entity_id=1&name=${encodeURIComponent('诊断报告.pdf')}`, Buffer.concat([PDF, Buffer.from('v2')]))
  assert.equal(v2.json.version, 2)
  const list = await server.call('GET', '/api/v1/documents?entity_type=enterprise&entity_id=1', { token: gongyi })
  assert.deepEqual(list.json.items.map((d) => d.version), [2, 1])
  const file = await fetch(server.base + up.json.download_url, { headers: { authorization: `Bearer ${gongyi}` } })
  assert.equal(file.status, 200)
  assert.equal(file.headers.get('content-type'), 'application/pdf')
  assert.match(file.headers.get('content-disposition'), /^attachment; .*filename\*=UTF-8''%E8%AF%8A/)
  assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF)
  const audit = await server.call('GET', `/api/v1/audit?action=document.upload&entity_id=${up.json.id}`, { token: await server.login('shenji') })
  assert.equal(audit.json.total, 1)
})

test('类型由内容决定，不看文件名；文件名被清理', async () => {
  const fake = await upload(gongyi, 'entity_type=enterprise&entity_id=1&name=report.pdf', Buffer.from('<html><script>alert(1)</script>'))
  assert.equal(fake.status, 422)
  assert.match(fake.json.error.message, /文件内容/)
  const exe = await upload(gongyi, 'entity_type=enterprise&entity_id=1&name=photo.png', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]))
  assert.equal(exe.status, 422)
  const png = await upload(gongyi, `entity_type=enterprise&entity_id=1&name=${encodeURIComponent('../../etc/现场照片')}`, PNG)
  assert.equal(png.status, 201)
  assert.equal(png.json.name, '现场照片.png')
  assert.equal(png.json.content_type, 'image/png')
  const empty = await upload(gongyi, 'entity_type=enterprise&entity_id=1&name=a.pdf', Buffer.alloc(0))
  assert.equal(empty.status, 422)
})

test('大小上限 413；权限：其他区县、其他企业不能上传或下载；未知记录类型 422', async () => {
  const big = await upload(gongyi, 'entity_type=enterprise&entity_id=1&name=big.pdf', Buffer.concat([PDF, Buffer.alloc(5 << 20)]))
  assert.equal(big.status, 413)
  assert.equal((await upload(xinmi, 'entity_type=enterprise&entity_id=1&name=x.pdf', PDF)).status, 403)
  assert.equal((await upload(qiye, 'entity_type=enterprise&entity_id=1&name=x.pdf', PDF)).status, 403)
  const own = await upload(qiye, 'entity_type=enterprise&entity_id=108&name=own.pdf', PDF)
  assert.equal(own.status, 201)
  assert.equal((await fetch(server.base + own.json.download_url, { headers: { authorization: `Bearer ${gongyi}` } })).status, 403)
  assert.equal((await fetch(server.base + own.json.download_url, { headers: { authorization: `Bearer ${xinmi}` } })).status, 200)
  assert.equal((await upload(gongyi, 'entity_type=spaceship&entity_id=1&name=x.pdf', PDF)).status, 422)
  assert.equal((await upload(gongyi, 'entity_type=enterprise&entity_id=abc&name=x.pdf', PDF)).status, 422)
  assert.equal((await upload(gongyi, 'entity_type=enterprise&entity_id=99999&name=x.pdf', PDF)).status, 404)
  assert.equal((await server.call('GET', '/api/v1/documents/99999/download', { token: admin })).status, 404)
})

test('评测的证明材料：草稿可附，提交后不可再附', async () => {
  const a = await server.call('POST', '/api/v1/enterprises/108/assessments', { token: qiye, body: { kind: 'self' } })
  const q = `entity_type=assessment&entity_id=${a.json.id}&name=${encodeURIComponent('数据采集截图.png')}`
  assert.equal((await upload(qiye, q, PNG)).status, 201)
  assert.equal((await upload(gongyi, q, PNG)).status, 403)
  await server.call('PUT', `/api/v1/assessments/${a.json.id}`, { token: qiye, body: { answers: { 1: ['B'] } } })
  await server.call('POST', `/api/v1/assessments/${a.json.id}/submit`, { token: qiye })
  assert.equal((await upload(qiye, q, PNG)).status, 409)
  const list = await server.call('GET', `/api/v1/documents?entity_type=assessment&entity_id=${a.json.id}`, { token: xinmi })
  assert.equal(list.json.items.length, 1)
})
