// Cross-site requests: login takes JSON from this site's own pages only (a hostile page cannot sign a victim's
// browser in as someone else), every cookie-authenticated write must come from this site too, and behind TLS the
// session cookies are Secure and responses carry HSTS. Non-browser clients (no Origin, no Referer; bearer tokens) are
// unaffected.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, PASSWORD, SECURITY_ADMIN, rawExchange } from './harness.mjs'

let server
before(async () => {
  server = await Server.start()
})
after(async () => {
  await server.stop()
})

// The security administrator: its session creates accounts, the write the cookie test needs.
const credentials = JSON.stringify({ username: SECURITY_ADMIN, password: PASSWORD })
const login = (s, headers, body = credentials) =>
  s.call('POST', '/api/v1/auth/login', { body, headers: { 'content-type': 'application/json', ...headers } })

test('登录须为 JSON：text/plain 与表单提交被拒', async () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const r = await login(server, { 'content-type': type })
    assert.equal(r.status, 415, `${type}: ${r.text}`)
    assert.match(r.json.error.message, /JSON/)
  }
  assert.equal((await login(server, { 'content-type': 'application/json; charset=utf-8' })).status, 200)
})

test('跨站登录被拒（Origin 或 Referer 不是本站）；本站页面与非浏览器客户端可登录', async () => {
  for (const headers of [
    { origin: 'http://evil.example' },
    { origin: 'null' },
    { origin: `http://127.0.0.1:${server.port + 1}` },
    { referer: 'http://evil.example/login.html' },
  ]) {
    const r = await login(server, headers)
    assert.equal(r.status, 403, `${JSON.stringify(headers)}: ${r.text}`)
    assert.match(r.json.error.message, /跨站/)
  }
  assert.equal((await login(server, { origin: server.base })).status, 200)
  assert.equal((await login(server, { referer: `${server.base}/login?redirect=/` })).status, 200)
  assert.equal((await login(server, {})).status, 200)  // curl, scripts: no Origin, no Referer
})

test('Cookie 会话的写操作须来自本站：缺少或跨站的 Origin 被拒，即使带了 CSRF 令牌', async () => {
  const r = await login(server, { origin: server.base })
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const csrf = r.json.csrf_token
  const body = (n) => ({ username: `origin${n}`, display_name: '来源校验', password: 'Or#2024pilot', roles: ['expert'] })
  const none = await server.call('POST', '/api/v1/users', { headers: { cookie, 'x-csrf-token': csrf }, body: body(1) })
  assert.equal(none.status, 403, none.text)
  assert.match(none.json.error.message, /跨站/)
  const cross = await server.call('POST', '/api/v1/users', { headers: { cookie, 'x-csrf-token': csrf, origin: 'http://evil.example' }, body: body(2) })
  assert.equal(cross.status, 403)
  const same = await server.call('POST', '/api/v1/users', { headers: { cookie, 'x-csrf-token': csrf, origin: server.base }, body: body(3) })
  assert.equal(same.status, 201, same.text)
  // Reads with the cookie and writes with a bearer token need no Origin.
  assert.equal((await server.call('GET', '/api/v1/users', { headers: { cookie } })).status, 200)
  const bearer = await server.call('POST', '/api/v1/users', { token: r.json.token, body: body(4) })
  assert.equal(bearer.status, 201, bearer.text)
  // Without TLS: no Secure, no HSTS.
  assert.doesNotMatch(r.headers.getSetCookie().join('\n'), /Secure/)
  assert.equal(r.headers.get('strict-transport-security'), null)
})

test('经可信代理的 HTTPS：按 X-Forwarded-Host/Proto 判断本站，Cookie 加 Secure，响应带 HSTS；不可信来源的这些头不被采信', async () => {
  const proxied = await Server.start({ env: { SHUZHUAN_SERVER_TRUSTED_PROXIES: '127.0.0.1' } })
  try {
    const site = 'https://szzx.example.gov.cn'
    const forwarded = { 'x-forwarded-host': 'szzx.example.gov.cn', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' }
    const r = await login(proxied, { ...forwarded, origin: site })
    assert.equal(r.status, 200, r.text)
    for (const c of r.headers.getSetCookie()) assert.match(c, /; Secure/)
    assert.match(r.headers.get('strict-transport-security'), /^max-age=\d+/)
    assert.match((await proxied.call('GET', '/api/v1/health', { headers: forwarded })).headers.get('strict-transport-security'), /max-age/)
    assert.equal((await login(proxied, { ...forwarded, origin: 'https://evil.example' })).status, 403)
    // The same headers from an address that is not a trusted proxy are the client's own claims.
    const head = (origin) =>
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${proxied.port}\r\nContent-Type: application/json\r\n` +
      `X-Forwarded-Host: szzx.example.gov.cn\r\nX-Forwarded-Proto: https\r\nOrigin: ${origin}\r\n` +
      `Content-Length: ${Buffer.byteLength(credentials)}\r\nConnection: close\r\n\r\n${credentials}`
    const spoofed = await rawExchange(proxied.port, head(site), { localAddress: '127.0.0.2' })
    assert.match(spoofed.text, /^HTTP\/1\.1 403 /)
    assert.doesNotMatch(spoofed.text, /strict-transport-security/i)
    const direct = await rawExchange(proxied.port, head(`http://127.0.0.1:${proxied.port}`), { localAddress: '127.0.0.2' })
    assert.match(direct.text, /^HTTP\/1\.1 200 /)
    assert.doesNotMatch(direct.text, /; Secure|strict-transport-security/i)
  } finally {
    await proxied.stop()
  }
})

test('配置了对外地址 server.public_origin：只认此来源；https 时 Cookie 加 Secure、响应带 HSTS', async () => {
  const site = 'https://szzx.example.gov.cn'
  const pinned = await Server.start({ env: { SHUZHUAN_SERVER_PUBLIC_ORIGIN: site } })
  try {
    assert.equal((await login(pinned, { origin: pinned.base })).status, 403)
    const r = await login(pinned, { origin: site })
    assert.equal(r.status, 200, r.text)
    for (const c of r.headers.getSetCookie()) assert.match(c, /; Secure/)
    assert.match(r.headers.get('strict-transport-security'), /^max-age=31536000$/)
  } finally {
    await pinned.stop()
  }
})
