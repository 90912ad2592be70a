// The HTTP layer: security headers, request ids, body limit, slow clients, keep-alive, static files.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { Server } from './harness.mjs'

// A long idle timeout: a pooled keep-alive connection closed by the server while the client reuses it is a race
// every HTTP client has; these tests are about the read deadline, not about that race.
let server
before(async () => {
  server = await Server.start({ args: ['--read-timeout', '2', '--idle-timeout', '30', '--body-limit', '65536'] })
})
after(async () => {
  await server.stop()
})

test('安全响应头与请求编号', async () => {
  const a = await server.call('GET', '/api/v1/health')
  const b = await server.call('GET', '/api/v1/health')
  assert.equal(a.headers.get('x-content-type-options'), 'nosniff')
  assert.equal(a.headers.get('x-frame-options'), 'DENY')
  assert.match(a.headers.get('content-security-policy'), /frame-ancestors 'none'/)
  assert.match(a.headers.get('x-request-id'), /^[0-9a-f]{16}$/)
  assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'))
})

test('请求体超过上限 → 413，服务继续正常', async () => {
  const r = await server.call('POST', '/api/v1/auth/login', { body: 'x'.repeat(70000) })
  assert.equal(r.status, 413)
  assert.match(r.json.error.message, /过大/)
  assert.equal((await server.call('GET', '/api/v1/health')).status, 200)
})

test('每秒一个字节的慢速客户端被断开，其他客户端照常服务', async () => {
  const sock = net.connect(server.port, '127.0.0.1')
  await new Promise((r) => sock.on('connect', r))
  const closed = new Promise((r) => sock.on('close', () => r(Date.now())))
  sock.on('error', () => {})
  const started = Date.now()
  const request = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n'
  let i = 0
  const timer = setInterval(() => {
    if (i < request.length && !sock.destroyed) sock.write(request[i++])
  }, 1000)
  // Meanwhile others are served promptly.
  for (let k = 0; k < 5; k++) {
    const t0 = Date.now()
    assert.equal((await server.call('GET', '/api/v1/health')).status, 200)
    assert.ok(Date.now() - t0 < 1000)
  }
  const closedAt = await closed
  clearInterval(timer)
  assert.ok(i < request.length, 'the slow request must not complete')
  assert.ok(closedAt - started < 8000, `cut off after ${closedAt - started} ms`)
})

test('长连接复用同一 TCP 连接', async () => {
  const sock = net.connect(server.port, '127.0.0.1')
  let data = ''
  sock.on('data', (d) => (data += d))
  await new Promise((r) => sock.on('connect', r))
  const req = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n'
  sock.write(req + req)
  for (let k = 0; k < 50 && (data.match(/HTTP\/1\.1 200/g) || []).length < 2; k++) await new Promise((r) => setTimeout(r, 20))
  assert.equal((data.match(/HTTP\/1\.1 200/g) || []).length, 2)
  sock.destroy()
})

test('无法解析的 HTTP 请求 → 400', async () => {
  const sock = net.connect(server.port, '127.0.0.1')
  let data = ''
  sock.on('data', (d) => (data += d))
  await new Promise((r) => sock.on('connect', r))
  sock.write('NOT A REQUEST\r\n\r\n')
  await new Promise((r) => sock.on('close', r))
  assert.match(data, /^HTTP\/1\.1 400/)
})

test('前端静态文件与前端路由回退到 index.html；路径穿越被拒', async () => {
  const index = await server.call('GET', '/targets')
  if (index.status === 404 && /前端尚未构建/.test(index.text)) {
    assert.fail('web/dist is not built: run scripts/build.sh first')
  }
  assert.equal(index.status, 200)
  assert.match(index.headers.get('content-type'), /text\/html/)
  assert.match(index.text, /<div id="app">/)
  const traversal = await server.call('GET', '/..%2f..%2fetc%2fpasswd')
  assert.notEqual(traversal.status, 200)
  assert.doesNotMatch(traversal.text, /root:/)
  assert.equal((await server.call('GET', '/assets/missing.js')).status, 404)
})
