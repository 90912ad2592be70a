// Uploads are authenticated and authorised from their header, before a byte of the body is read or stored: an
// anonymous or unauthorised upload gets its 401 / 403 at once — whether the body has a declared length, is chunked or
// waits for 100 Continue — and nothing reaches the upload directory.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Server, rawExchange } from './harness.mjs'

const jobs = mkdtempSync(path.join(tmpdir(), 'sz-upload-'))
const incoming = path.join(jobs, 'incoming')
let server, gongyi, qiye
before(async () => {
  server = await Server.start({ args: ['--jobs-dir', jobs] })
  ;[gongyi, qiye] = await Promise.all(['gongyi', 'qiye'].map((u) => server.login(u)))
})
after(async () => {
  await server.stop()
})

const stored = () => (existsSync(incoming) ? readdirSync(incoming) : [])
const MB = 1 << 20
const head = (target, headers) =>
  `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers.map((h) => h + '\r\n').join('')}\r\n`
const DOCUMENT = '/api/v1/documents?entity_type=enterprise&entity_id=1&name=a.pdf'

// A client that declared a large body and keeps sending: the answer must come long before the body could.
async function refusedEarly(target, headers, body, status) {
  const r = await rawExchange(server.port, head(target, headers), { body, timeout: 4000 })
  assert.ok(r.statusAt !== null, `no answer within 4 s (${r.error ?? 'no error'}): ${r.text.slice(0, 200)}`)
  assert.match(r.text, new RegExp(`^HTTP/1\\.1 ${status} `))
  assert.ok(r.statusAt < 2000, `answered after ${r.statusAt} ms`)
  assert.doesNotMatch(r.text, /100 Continue/)
  assert.match(r.text, /connection: close/i)
  return r
}

test('匿名上传（声明 150 MB）立即 401，不写入任何文件', async () => {
  await refusedEarly(DOCUMENT, ['Content-Type: application/pdf', `Content-Length: ${150 * MB}`], Buffer.alloc(MB, 0x25), 401)
  await refusedEarly('/api/v1/enterprises/imports?name=a.xlsx', [`Content-Length: ${100 * MB}`], Buffer.alloc(MB), 401)
  assert.deepEqual(stored(), [])
})

test('分块传输与 Expect: 100-continue 的匿名上传同样立即 401，不发 100 Continue', async () => {
  const chunk = Buffer.concat([Buffer.from((256 * 1024).toString(16) + '\r\n'), Buffer.alloc(256 * 1024, 1), Buffer.from('\r\n')])
  await refusedEarly(DOCUMENT, ['Transfer-Encoding: chunked'], chunk, 401)
  await refusedEarly(DOCUMENT, [`Content-Length: ${50 * MB}`, 'Expect: 100-continue'], undefined, 401)
  assert.deepEqual(stored(), [])
})

test('已登录但无权：在读取请求体之前 403', async () => {
  // An enterprise account may not import enterprises; a district officer may not attach files to another district's.
  await refusedEarly('/api/v1/enterprises/imports?name=a.xlsx', [`Authorization: Bearer ${qiye}`, `Content-Length: ${100 * MB}`], Buffer.alloc(MB), 403)
  const foreign = '/api/v1/documents?entity_type=enterprise&entity_id=108&name=a.pdf'
  const r = await rawExchange(server.port, head(foreign, [`Authorization: Bearer ${gongyi}`, `Content-Length: ${100 * MB}`]), {
    body: Buffer.alloc(MB),
    timeout: 4000,
  })
  assert.match(r.text, /^HTTP\/1\.1 (403|404) /)
  assert.ok(r.statusAt < 2000, `answered after ${r.statusAt} ms`)
  assert.deepEqual(stored(), [])
})

test('有权上传：Expect: 100-continue 先得到 100，再发送文件，201', async () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
  let sent = false
  const r = await rawExchange(
    server.port,
    head(DOCUMENT, [`Authorization: Bearer ${gongyi}`, 'Content-Type: application/pdf', `Content-Length: ${pdf.length}`, 'Expect: 100-continue', 'Connection: close']),
    {
      timeout: 4000,
      onData: (text, sock) => {
        if (!sent && /^HTTP\/1\.1 100 Continue\r\n/.test(text)) {
          sent = true
          sock.write(pdf)
        }
      },
    },
  )
  assert.ok(sent, `no 100 Continue: ${r.text.slice(0, 200)}`)
  assert.match(r.text, /HTTP\/1\.1 201 /)
  assert.deepEqual(stored(), [])  // the stored document moved out of the upload directory
})
